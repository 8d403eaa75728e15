using System;
using System.Collections.Generic;
using System.Text;

namespace RaspAnalyzers.Guards.Tests;

/// <summary>
/// Thousands of seeded random inputs built from the characters every tokenizer treats specially, checking the
/// invariants that must hold for any input: no exception, tokens in order and inside the text, verdicts well formed.
/// </summary>
public sealed class RandomInputTests
{
    private const string Alphabet = "'\"`[]()$#-/*\\;&|<>%!^@:?.,= \t\n\r\0aZ09_xE\u00e9\u4e2d\ud83d\ude00\ud800\uffff{}~+";

    private static IEnumerable<(string Text, UntrustedValue[] Values)> Inputs(int seed, int count)
    {
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            int length = random.Next(0, i % 100 == 0 ? 5000 : 200);
            var text = new StringBuilder(length);
            for (int k = 0; k < length; k++)
            {
                text.Append(random.Next(4) == 0 ? (char)random.Next(0, 0x10000) : Alphabet[random.Next(Alphabet.Length)]);
            }

            string s = text.ToString();
            int start = s.Length == 0 ? 0 : random.Next(s.Length);
            int take = s.Length == 0 ? 0 : random.Next(0, Math.Min(40, s.Length - start) + 1);
            yield return (
                s,
                [
                    new UntrustedValue(RequestPart.Query, "q", s.Substring(start, take)),
                    new UntrustedValue(RequestPart.Query, "r", "x")
                ]);
        }
    }

    [Fact]
    public void Sql_tokens_cover_every_non_blank_character_once_in_order_in_every_dialect()
    {
        int tokensSeen = 0;
        foreach ((string text, _) in Inputs(seed: 1, count: 3000))
        {
            foreach (SqlDialect dialect in Enum.GetValues<SqlDialect>())
            {
                var tokenizer = new SqlTokenizer(text, dialect);
                int end = 0;
                while (tokenizer.TryRead(out SqlToken token))
                {
                    Assert.True(token.Length > 0 && token.Start >= end && token.End <= text.Length);
                    Assert.True(text.AsSpan(end, token.Start - end).IsWhiteSpace());
                    end = token.End;
                    tokensSeen++;
                }

                Assert.True(text.AsSpan(end).IsWhiteSpace());
            }
        }

        Assert.True(tokensSeen > 100_000, tokensSeen.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Shell_tokens_are_contiguous_and_cover_the_whole_line_in_both_shells()
    {
        foreach ((string text, _) in Inputs(seed: 2, count: 3000))
        {
            foreach (ShellDialect dialect in Enum.GetValues<ShellDialect>())
            {
                var tokenizer = new ShellTokenizer(text, dialect);
                int end = 0;
                while (tokenizer.TryRead(out ShellToken token))
                {
                    Assert.Equal(end, token.Start);
                    Assert.True(token.Length > 0);
                    end = token.End;
                }

                Assert.Equal(text.Length, end);
            }
        }
    }

    [Fact]
    public void Every_detector_gives_a_well_formed_verdict_for_any_input()
    {
        var policy = new SsrfPolicy(["fhir.example.org"], [], []);
        int attacks = 0;
        foreach ((string text, UntrustedValue[] values) in Inputs(seed: 3, count: 3000))
        {
            var verdicts = new List<DetectorVerdict>
            {
                SqlInjectionDetector.Inspect(text, SqlDialect.SqlServer, values),
                SqlInjectionDetector.Inspect(text, SqlDialect.MySql, values),
                CommandInjectionDetector.InspectShell(text, ShellDialect.PosixShell, values),
                CommandInjectionDetector.InspectShell(text, ShellDialect.Cmd, values),
                CommandInjectionDetector.InspectArguments(text, [text, "-c", text], values),
                PathTraversalDetector.Inspect(text, values, PathStyle.Unix, ["/srv"], "/app"),
                PathTraversalDetector.Inspect(text, values, PathStyle.Windows, [@"C:\srv"], @"C:\app"),
                SsrfDetector.Inspect(text, values, policy),
            };

            foreach (DetectorVerdict verdict in verdicts)
            {
                Assert.Equal(verdict.IsAttack, verdict.Reason.Length > 0);
                Assert.InRange(verdict.ValueIndex, -1, values.Length - 1);
                attacks += verdict.IsAttack ? 1 : 0;
            }
        }

        Assert.True(attacks > 1000, attacks.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Json_capture_of_random_bytes_never_throws_and_respects_the_bounds()
    {
        var random = new Random(4);
        for (int i = 0; i < 3000; i++)
        {
            byte[] bytes = new byte[random.Next(8, 400)];
            random.NextBytes(bytes);
            if (i % 2 == 0)
            {
                // Half the inputs start as JSON so the reader gets past the first byte.
                Encoding.ASCII.GetBytes("{\"a\":[\"").CopyTo(bytes, 0);
            }

            var values = new UntrustedValues(maxValues: 8, maxValueLength: 16);
            RequestValueCapture.AddJsonLeaves(bytes, isComplete: i % 3 == 0, maxDepth: 8, values);

            Assert.InRange(values.Count, 0, 8);
            foreach (UntrustedValue value in values.AsSpan())
            {
                Assert.InRange(value.Value.Length, 1, 16);
            }
        }
    }
}
