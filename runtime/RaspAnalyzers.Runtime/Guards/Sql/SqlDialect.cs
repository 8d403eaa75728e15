namespace RaspAnalyzers.Guards;

/// <summary>The SQL dialects the SQL tokenizer knows; each quotes strings, identifiers and comments its own way.</summary>
public enum SqlDialect
{
    /// <summary>Microsoft SQL Server (T-SQL): <c>N'..'</c>, <c>[..]</c>, nested block comments, <c>@p</c>.</summary>
    SqlServer,

    /// <summary>PostgreSQL: <c>E'..'</c> with backslash escapes, <c>$tag$..$tag$</c>, nested block comments, <c>$1</c>.</summary>
    PostgreSql,

    /// <summary>SQLite: <c>"..", [..], `..`</c> identifiers, <c>X'..'</c> blobs, <c>?NNN :a @a $a</c>.</summary>
    Sqlite,

    /// <summary>MySQL and MariaDB: backslash escapes, <c>"..."</c> strings, <c>`..`</c>, <c>#</c> and <c>-- </c> comments.</summary>
    MySql,
}
