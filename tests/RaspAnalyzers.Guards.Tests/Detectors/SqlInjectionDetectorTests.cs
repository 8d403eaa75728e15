namespace RaspAnalyzers.Guards.Tests;

public sealed class SqlInjectionDetectorTests
{
    private static UntrustedValue[] Values(params string[] values)
    {
        var result = new UntrustedValue[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = new UntrustedValue(RequestPart.Query, "v" + i, values[i]);
        }

        return result;
    }

    [Theory]
    [InlineData("SELECT * FROM p WHERE family = '' OR '1'='1'", "' OR '1'='1", "changes a condition")]
    [InlineData("SELECT * FROM p WHERE id = 1; DROP TABLE p", "1; DROP TABLE p", "stacks a statement")]
    [InlineData("SELECT * FROM p WHERE id = 1 UNION SELECT ssn FROM p", "1 UNION SELECT ssn FROM p", "adds a UNION")]
    [InlineData("SELECT * FROM p WHERE name = 'admin'--' AND pw = 'x'", "admin'--", "injects a comment")]
    [InlineData("SELECT * FROM p WHERE id = id", "id", "makes a tautology")]
    [InlineData("SELECT * FROM p WHERE id = 1 OR", "OR", "injects a keyword")]
    [InlineData("SELECT * FROM p WHERE name = 'x' AND 'y", "x' AND 'y", "changes a condition")]
    [InlineData("SELECT * FROM p WHERE id = 5 - 1", "5 - 1", "spans more than one token")]
    [InlineData("SELECT * FROM p WHERE name = 'a", "'a", "opens a literal it does not close")]
    public void Attack_is_reported_with_its_reason(string statement, string value, string reason)
    {
        DetectorVerdict verdict = SqlInjectionDetector.Inspect(statement, SqlDialect.SqlServer, Values("unrelated", value));

        Assert.True(verdict.IsAttack);
        Assert.Equal(reason, verdict.Reason);
        Assert.Equal(1, verdict.ValueIndex);
    }

    [Theory]
    [InlineData("SELECT * FROM p WHERE family = @family", "O'Brien")]
    [InlineData("SELECT * FROM p WHERE family = 'O''Brien'", "O'Brien")]
    [InlineData("SELECT * FROM labs WHERE code IN ('A1C','LDL')", "'A1C','LDL'")]
    [InlineData("SELECT * FROM p ORDER BY family DESC, given", "family DESC, given")]
    [InlineData("SELECT * FROM p WHERE note = 'pain -- worse; OR 1=1'", "pain -- worse; OR 1=1")]
    [InlineData("SELECT TOP 1 * FROM p WHERE id = 1", "1")]
    [InlineData("SELECT * FROM p WHERE id = -12", "-12")]
    [InlineData("/* requested by nurse */ SELECT * FROM p", "nurse")]
    public void Benign_value_passes(string statement, string value)
    {
        DetectorVerdict verdict = SqlInjectionDetector.Inspect(statement, SqlDialect.SqlServer, Values(value));

        Assert.False(verdict.IsAttack, verdict.ToString());
        Assert.Equal(-1, verdict.ValueIndex);
        Assert.Equal(string.Empty, verdict.Reason);
    }

    [Fact]
    public void Doubled_quotes_do_not_hide_a_MySQL_backslash_break_out()
    {
        const string value = "\\' OR 1=1 -- ";
        string statement = "SELECT * FROM p WHERE family = '" + value.Replace("'", "''") + "'";

        Assert.Equal("injects a comment", SqlInjectionDetector.Inspect(statement, SqlDialect.MySql, Values(value)).Reason);
        Assert.False(SqlInjectionDetector.Inspect(statement, SqlDialect.SqlServer, Values(value)).IsAttack);
    }

    [Fact]
    public void Clean_check_of_a_200_character_statement_allocates_nothing()
    {
        const string statement =
            "SELECT p.id, p.family, p.given, p.birth_date, e.admitted_at, e.ward FROM patients p JOIN encounters e ON " +
            "e.patient_id = p.id WHERE p.family = @family AND p.active = 1 AND e.ward = @ward ORDER BY e.admitted_at DESC";
        UntrustedValue[] values = Values("O'Brien", "cardiology", "2024-05-01", "chest pain");
        SqlInjectionDetector.Inspect(statement, SqlDialect.SqlServer, values);

        long before = System.GC.GetAllocatedBytesForCurrentThread();
        DetectorVerdict verdict = SqlInjectionDetector.Inspect(statement, SqlDialect.SqlServer, values);
        long allocated = System.GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.False(verdict.IsAttack);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Value_found_only_inside_a_literal_is_judged_without_allocating()
    {
        const string statement = "SELECT id FROM notes WHERE body LIKE '%chest pain%' AND ward = 'cardiology' ORDER BY id";
        UntrustedValue[] values = Values("chest pain", "cardiology");
        SqlInjectionDetector.Inspect(statement, SqlDialect.PostgreSql, values);

        long before = System.GC.GetAllocatedBytesForCurrentThread();
        DetectorVerdict verdict = SqlInjectionDetector.Inspect(statement, SqlDialect.PostgreSql, values);
        long allocated = System.GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.False(verdict.IsAttack);
        Assert.Equal(0, allocated);
    }
}
