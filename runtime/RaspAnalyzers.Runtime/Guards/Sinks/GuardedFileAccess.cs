using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace RaspAnalyzers.Guards;

/// <summary>File access for paths built from request data: each path is checked by the path guard first.</summary>
public sealed class GuardedFileAccess
{
    private readonly RaspGuard _guard;

    /// <summary>Creates the guarded file access.</summary>
    /// <param name="guard">The guard.</param>
    public GuardedFileAccess(RaspGuard guard)
    {
        _guard = guard ?? throw new ArgumentNullException(nameof(guard));
    }

    /// <summary>Checks <paramref name="path"/>, then opens it for reading.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The stream.</returns>
    /// <exception cref="RaspBlockedException">An attack was found in Block mode.</exception>
    public FileStream OpenRead(string path)
    {
        _guard.CheckPath(path, "file.read");
        return File.OpenRead(path);
    }

    /// <summary>Checks <paramref name="path"/>, then reads it as text.</summary>
    /// <param name="path">The path.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The file's text.</returns>
    /// <exception cref="RaspBlockedException">An attack was found in Block mode.</exception>
    public Task<string> ReadAllTextAsync(string path, CancellationToken cancellationToken = default)
    {
        _guard.CheckPath(path, "file.read");
        return File.ReadAllTextAsync(path, cancellationToken);
    }

    /// <summary>Checks <paramref name="path"/>, then writes <paramref name="bytes"/> to it.</summary>
    /// <param name="path">The path.</param>
    /// <param name="bytes">The content.</param>
    /// <param name="cancellationToken">Cancels writing.</param>
    /// <returns>A task that completes when written.</returns>
    /// <exception cref="RaspBlockedException">An attack was found in Block mode.</exception>
    public Task WriteAllBytesAsync(string path, byte[] bytes, CancellationToken cancellationToken = default)
    {
        _guard.CheckPath(path, "file.write");
        return File.WriteAllBytesAsync(path, bytes, cancellationToken);
    }

    /// <summary>Checks <paramref name="path"/>, then deletes it.</summary>
    /// <param name="path">The path.</param>
    /// <exception cref="RaspBlockedException">An attack was found in Block mode.</exception>
    public void Delete(string path)
    {
        _guard.CheckPath(path, "file.delete");
        File.Delete(path);
    }
}
