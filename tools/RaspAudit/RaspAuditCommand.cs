using System;
using System.Collections.Generic;
using System.IO;
using RaspAnalyzers.Audit;

namespace RaspAnalyzers.Tools.RaspAudit;

/// <summary>
/// The raspaudit command: <c>verify PATH</c> checks a trail's chain and checkpoints, <c>export-fhir PATH</c> writes its
/// events as a FHIR R4 Bundle. PATH is a segment file or the trail's directory.
/// </summary>
public static class RaspAuditCommand
{
    /// <summary>The trail verified and ends with a final checkpoint.</summary>
    public const int Intact = 0;

    /// <summary>A record was altered, inserted, removed or reordered, or a checkpoint signature failed.</summary>
    public const int Tampered = 1;

    /// <summary>Every record present verifies, but the trail ends torn or without a final checkpoint.</summary>
    public const int Incomplete = 2;

    /// <summary>The path holds no readable trail.</summary>
    public const int Unreadable = 3;

    /// <summary>The command line is wrong (the sysexits.h EX_USAGE code).</summary>
    public const int UsageError = 64;

    private const string Usage =
        """
        usage: raspaudit verify PATH [--key BASE64 | --key-file FILE | --public-key PEMFILE] [--key-id ID] [--prefix NAME]
               raspaudit export-fhir PATH [--prefix NAME]

          PATH          a segment file (PREFIX-000001.jsonl) or the directory of the trail's segments
          --key         the HMAC-SHA256 checkpoint key, base64 (prefer --key-file: a command line is visible to others)
          --key-file    a file holding the HMAC-SHA256 checkpoint key, base64
          --public-key  a PEM file with the ECDSA P-256 public key of the checkpoints
          --key-id      the checkpoint key's identifier; without it any key id is accepted
          --prefix      the segment file prefix (default: audit)

        exit codes: 0 intact, 1 tampered, 2 incomplete (torn or not closed), 3 no trail, 64 usage error
        """;

    /// <summary>Runs the command; returns the process exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            (args.Count == 0 ? error : output).WriteLine(Usage);
            return args.Count == 0 ? UsageError : Intact;
        }

        CommandLine line;
        try
        {
            line = CommandLine.Parse(args);
        }
        catch (FormatException exception)
        {
            error.WriteLine("raspaudit: " + exception.Message);
            error.WriteLine(Usage);
            return UsageError;
        }

        return line.Verb switch
        {
            "verify" => Verify(line, output, error),
            "export-fhir" => ExportFhir(line, output, error),
            _ => Fail(error, $"unknown command '{line.Verb}'; the commands are verify and export-fhir"),
        };
    }

    private static int Verify(CommandLine line, TextWriter output, TextWriter error)
    {
        AuditCheckpointSigner? key;
        try
        {
            key = LoadKey(line);
        }
        catch (Exception exception) when (exception is FormatException or IOException or ArgumentException
            or System.Security.Cryptography.CryptographicException or UnauthorizedAccessException)
        {
            // The message comes from this tool's own checks; it never holds key material.
            return Fail(error, exception.Message);
        }

        AuditVerificationResult result;
        using (key)
        {
            var verifier = new AuditVerifier(key, matchKeyId: line.KeyId is not null);
            result = Directory.Exists(line.Path)
                ? verifier.VerifyDirectory(line.Path, line.Prefix)
                : verifier.VerifyFiles(new[] { line.Path });
        }

        var checkpoints = key is null
            ? $"{result.CheckpointsUnchecked} checkpoints not checked: no key given"
            : $"{result.CheckpointsVerified} checkpoint signatures verified";
        var summary = $"{result.RecordsVerified} records verified ({result.EventsVerified} events, {checkpoints})";
        switch (result.Status)
        {
            case AuditVerificationStatus.Intact:
                output.WriteLine($"intact: {summary}; last record {result.LastVerifiedSequence}, head {result.LastVerifiedHash}");
                if (result.DroppedEvents > 0)
                {
                    output.WriteLine($"note: the checkpoints record {result.DroppedEvents} events dropped on a full queue");
                }

                return Intact;

            case AuditVerificationStatus.Tampered:
                output.WriteLine($"tampered: first bad record: {result.FirstBadRecord}");
                output.WriteLine($"  {result.Problem}");
                output.WriteLine($"  {summary} before it");
                return Tampered;

            case AuditVerificationStatus.Incomplete:
                output.WriteLine(result.FirstBadRecord is null
                    ? $"incomplete: after record {result.LastVerifiedSequence}"
                    : $"incomplete: torn line: {result.FirstBadRecord}");
                output.WriteLine($"  {result.Problem}");
                output.WriteLine($"  {summary}");
                return Incomplete;

            default:
                error.WriteLine("raspaudit: " + result.Problem);
                return Unreadable;
        }
    }

    private static int ExportFhir(CommandLine line, TextWriter output, TextWriter error)
    {
        IReadOnlyList<string> segments = Directory.Exists(line.Path)
            ? AuditSegmentFiles.List(line.Path, line.Prefix)
            : File.Exists(line.Path) ? new[] { line.Path } : Array.Empty<string>();
        if (segments.Count == 0)
        {
            error.WriteLine($"raspaudit: no audit trail at '{line.Path}'");
            return Unreadable;
        }

        using var buffer = new MemoryStream();
        try
        {
            FhirAuditEventExporter.WriteBundle(buffer, segments);
        }
        catch (Exception exception) when (exception is InvalidDataException or System.Text.Json.JsonException
            or System.Collections.Generic.KeyNotFoundException)
        {
            error.WriteLine("raspaudit: the trail has a record that cannot be exported; run raspaudit verify first");
            return Unreadable;
        }

        output.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        output.WriteLine();
        return Intact;
    }

    private static AuditCheckpointSigner? LoadKey(CommandLine line)
    {
        var keyId = line.KeyId ?? "any";
        if (line.PublicKeyFile is not null)
        {
            return EcdsaCheckpointSigner.FromPublicKeyPem(File.ReadAllText(line.PublicKeyFile), keyId);
        }

        var base64 = line.Key ?? (line.KeyFile is not null ? File.ReadAllText(line.KeyFile).Trim() : null);
        if (base64 is null)
        {
            return null;
        }

        var bytes = new byte[(base64.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(base64, bytes, out var written))
        {
            throw new FormatException("the checkpoint key is not base64");
        }

        try
        {
            return new HmacCheckpointSigner(bytes.AsSpan(0, written), keyId);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(bytes);
        }
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine("raspaudit: " + message);
        return UsageError;
    }

    private sealed record CommandLine(
        string Verb, string Path, string? Key, string? KeyFile, string? PublicKeyFile, string? KeyId, string Prefix)
    {
        internal static CommandLine Parse(IReadOnlyList<string> args)
        {
            string? path = null, key = null, keyFile = null, publicKey = null, keyId = null;
            var prefix = "audit";
            for (var i = 1; i < args.Count; i++)
            {
                var arg = args[i];
                if (!arg.StartsWith("--", StringComparison.Ordinal))
                {
                    path = path is null ? arg : throw new FormatException($"one PATH only; '{arg}' is a second one");
                    continue;
                }

                if (i + 1 >= args.Count)
                {
                    throw new FormatException($"{arg} needs a value");
                }

                var value = args[++i];
                switch (arg)
                {
                    case "--key": key = value; break;
                    case "--key-file": keyFile = value; break;
                    case "--public-key": publicKey = value; break;
                    case "--key-id": keyId = value; break;
                    case "--prefix": prefix = value; break;
                    default: throw new FormatException($"unknown option {arg}");
                }
            }

            if (path is null)
            {
                throw new FormatException($"{args[0]} needs a PATH");
            }

            if ((key is not null ? 1 : 0) + (keyFile is not null ? 1 : 0) + (publicKey is not null ? 1 : 0) > 1)
            {
                throw new FormatException("give one of --key, --key-file and --public-key");
            }

            return new CommandLine(args[0], path, key, keyFile, publicKey, keyId, prefix);
        }
    }
}
