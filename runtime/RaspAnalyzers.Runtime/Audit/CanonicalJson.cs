using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RaspAnalyzers.Audit;

/// <summary>
/// The one serialization the trail hashes and signs: object members in ordinal order of their names, no white space,
/// strings escaped by the relaxed encoder. A writer and a verifier that agree on it agree on every hash.
/// </summary>
internal static class CanonicalJson
{
    // The relaxed encoder leaves '+' and '/' of base64 pseudonyms readable. It is not safe to paste into HTML, and
    // nothing should: a viewer encodes the trail's text like any other untrusted text.
    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = false,
    };

    /// <summary>Whether <paramref name="bytes"/> are exactly the canonical form of <paramref name="element"/>.</summary>
    /// <remarks><paramref name="buffer"/> and <paramref name="writer"/> are reused across calls by one verifier.</remarks>
    internal static bool IsCanonical(
        JsonElement element, ReadOnlySpan<byte> bytes, ArrayBufferWriter<byte> buffer, Utf8JsonWriter writer)
    {
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        Write(writer, element);
        writer.Flush();
        return buffer.WrittenSpan.SequenceEqual(bytes);
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var members = new List<JsonProperty>();
                var sorted = true;
                foreach (var member in element.EnumerateObject())
                {
                    sorted &= members.Count == 0 || string.CompareOrdinal(members[^1].Name, member.Name) < 0;
                    members.Add(member);
                }

                // Records written by the trail are already in order; sorting is for the ones that are not.
                if (!sorted)
                {
                    members.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
                }

                writer.WriteStartObject();
                foreach (var member in members)
                {
                    writer.WritePropertyName(member.Name);
                    Write(writer, member.Value);
                }

                writer.WriteEndObject();
                break;

            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;

            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;

            default:
                element.WriteTo(writer);
                break;
        }
    }
}
