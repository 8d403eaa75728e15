using System;
using System.IO;
using System.Text.Json;

namespace RaspAnalyzers.Audit;

/// <summary>
/// Appends lines to the current segment of a trail and opens the next one on rotation. It never rewrites or
/// truncates a file: a segment whose last line was torn by a crash is left as it is, and writing goes on in a new
/// segment that links to the last whole record.
/// </summary>
internal sealed class AuditFileWriter : IDisposable
{
    private const int BufferSize = 64 * 1024;

    private readonly string _directory;
    private readonly string _prefix;
    private FileStream _stream;

    private AuditFileWriter(string directory, string prefix, int index, FileStream stream)
    {
        _directory = directory;
        _prefix = prefix;
        SegmentIndex = index;
        _stream = stream;
        SegmentLength = stream.Length;
    }

    internal int SegmentIndex { get; private set; }

    /// <summary>The segment's length including buffered bytes, counted here so no system call runs per record.</summary>
    internal long SegmentLength { get; private set; }

    internal string SegmentPath => _stream.Name;

    /// <summary>Opens the trail in <paramref name="directory"/> for appending and reports where its chain ends.</summary>
    internal static AuditFileWriter Open(string directory, string prefix, out AuditChainHead head)
    {
        Directory.CreateDirectory(directory);
        var segments = AuditSegmentFiles.List(directory, prefix);
        if (segments.Count == 0)
        {
            head = new AuditChainHead(0, AuditRecordFormat.GenesisHash(), TornTail: false);
            return OpenSegment(directory, prefix, 1);
        }

        var last = segments[^1];
        AuditSegmentFiles.TryParseIndex(Path.GetFileName(last), prefix, out var lastIndex);
        head = ReadHead(segments);

        // A torn tail stays as evidence of the crash; appending after it would glue a new record onto it.
        var index = head.TornTail ? lastIndex + 1 : lastIndex;
        return OpenSegment(directory, prefix, index);
    }

    internal void Append(ReadOnlySpan<byte> line)
    {
        _stream.Write(line);
        SegmentLength += line.Length;
    }

    internal void Flush(bool toDisk) => _stream.Flush(toDisk);

    internal void Rotate()
    {
        _stream.Flush(flushToDisk: true);
        _stream.Dispose();
        SegmentIndex++;
        _stream = CreateStream(AuditSegmentFiles.PathOf(_directory, _prefix, SegmentIndex));
        SegmentLength = _stream.Length;
    }

    public void Dispose()
    {
        _stream.Flush(flushToDisk: true);
        _stream.Dispose();
    }

    private static AuditFileWriter OpenSegment(string directory, string prefix, int index) =>
        new(directory, prefix, index, CreateStream(AuditSegmentFiles.PathOf(directory, prefix, index)));

    private static FileStream CreateStream(string path) =>
        new(path, FileMode.Append, FileAccess.Write, FileShare.Read, BufferSize, FileOptions.None);

    /// <summary>Finds the last whole record of the trail, looking back from the last segment.</summary>
    private static AuditChainHead ReadHead(System.Collections.Generic.IReadOnlyList<string> segments)
    {
        var torn = false;
        for (var i = segments.Count - 1; i >= 0; i--)
        {
            var bytes = File.ReadAllBytes(segments[i]);
            var end = bytes.Length;
            if (end > 0 && bytes[end - 1] != (byte)'\n')
            {
                torn |= i == segments.Count - 1;
                end = Array.LastIndexOf(bytes, (byte)'\n', end - 1) + 1;
            }

            if (end == 0)
            {
                continue;
            }

            var start = end >= 2 ? Array.LastIndexOf(bytes, (byte)'\n', end - 2) + 1 : 0;
            return ParseHead(bytes.AsSpan(start, end - 1 - start), segments[i], torn);
        }

        return new AuditChainHead(0, AuditRecordFormat.GenesisHash(), torn);
    }

    private static AuditChainHead ParseHead(ReadOnlySpan<byte> line, string path, bool torn)
    {
        var hash = new byte[AuditRecordFormat.HashLength];
        if (line.Length <= AuditRecordFormat.RecordOffset
            || !AuditRecordFormat.TryParseHash(
                line.Slice(AuditRecordFormat.LinePrefix.Length, AuditRecordFormat.HashHexLength), hash))
        {
            throw new InvalidDataException(
                $"The last record of the audit trail in '{path}' cannot be read; verify the trail before appending.");
        }

        var record = line[AuditRecordFormat.RecordOffset..^1];
        using var document = JsonDocument.Parse(record.ToArray());
        var seq = document.RootElement.GetProperty("seq").GetInt64();
        return new AuditChainHead(seq, hash, torn);
    }
}

/// <summary>Where a trail's chain ends: the last record's sequence number and hash, and whether a torn line follows.</summary>
internal readonly record struct AuditChainHead(long Sequence, byte[] Hash, bool TornTail);
