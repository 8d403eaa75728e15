using System.Collections.Generic;
using EhrPortal.Data;
using Microsoft.AspNetCore.Mvc;
using RaspAnalyzers;

namespace EhrPortal.Controllers;

/// <summary>The body of a clinical-note search.</summary>
public sealed class NoteSearchRequest
{
    public string Text { get; set; } = "";
}

/// <summary>Full-text search over clinical notes, through <see cref="ClinicalNoteRepository"/>.</summary>
[ApiController]
[Route("api/notes")]
public sealed class ClinicalNotesController(ClinicalNoteRepository notes) : ControllerBase
{
    /// <summary>
    /// Deliberately vulnerable, a demonstration of RASP1001: a member of the JSON body reaches FromSqlRaw inside the
    /// repository, so a text of <c>' OR '1'='1</c> returns every note of every patient.
    /// </summary>
    [HttpPost("search")]
    [EhrEndpoint("ClinicalNote", EhrAction.Search)]
    public ActionResult<List<ClinicalNote>> Search([FromBody] NoteSearchRequest request) =>
        notes.SearchRaw(request.Text);

    /// <summary>The fix: the repository's parameterized search.</summary>
    [HttpPost("search-safe")]
    [EhrEndpoint("ClinicalNote", EhrAction.Search)]
    public ActionResult<List<ClinicalNote>> SearchSafe([FromBody] NoteSearchRequest request) =>
        notes.Search(request.Text);
}
