using System.Collections.Generic;
using System.Linq;
using Microsoft.EntityFrameworkCore;

namespace EhrPortal.Data;

/// <summary>Clinical notes over EF Core.</summary>
public sealed class ClinicalNoteRepository(EhrPortalDbContext context)
{
    /// <summary>
    /// Deliberately vulnerable, a demonstration of RASP1001 across a method call: <paramref name="text"/> becomes
    /// part of the SQL text of FromSqlRaw. RaspAnalyzers reports it where request data is passed in
    /// (ClinicalNotesController.Search). <see cref="Search"/> is the fix.
    /// </summary>
    public List<ClinicalNote> SearchRaw(string text)
    {
        // EF Core's EF1003 flags any concatenation here, wherever the text comes from; the demonstration keeps the
        // pattern so that RASP1001 can show the request flow that makes it exploitable.
#pragma warning disable EF1003
        return context.ClinicalNotes
            .FromSqlRaw("SELECT * FROM ClinicalNotes WHERE Body LIKE '%" + text + "%'")
            .OrderBy(note => note.Id)
            .ToList();
#pragma warning restore EF1003
    }

    /// <summary>Finds notes containing <paramref name="text"/>; FromSql turns each hole into a parameter.</summary>
    public List<ClinicalNote> Search(string text)
    {
        var pattern = "%" + text + "%";
        return context.ClinicalNotes
            .FromSql($"SELECT * FROM ClinicalNotes WHERE Body LIKE {pattern}")
            .OrderBy(note => note.Id)
            .ToList();
    }
}
