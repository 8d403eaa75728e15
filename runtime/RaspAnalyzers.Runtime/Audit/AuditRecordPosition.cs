namespace RaspAnalyzers.Audit;

/// <summary>Where a record is: its file, its line (from 1) and, when it could be read, its sequence number.</summary>
/// <param name="File">The segment file.</param>
/// <param name="Line">The line in the file, from 1.</param>
/// <param name="Sequence">The record's own sequence number, or null when the line is not a readable record.</param>
public sealed record AuditRecordPosition(string File, int Line, long? Sequence)
{
    /// <inheritdoc />
    public override string ToString() =>
        Sequence is { } seq ? $"{File} line {Line} (record {seq})" : $"{File} line {Line}";
}
