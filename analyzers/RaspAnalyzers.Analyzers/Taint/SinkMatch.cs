namespace RaspAnalyzers.Analyzers.Taint;

/// <summary>A member recognised as a sink of a rule, with the name a message gives it.</summary>
internal sealed class SinkMatch
{
    public SinkMatch(TaintRule rule, string display)
    {
        Rule = rule;
        Display = display;
    }

    public TaintRule Rule { get; }

    /// <summary>Such as "SqliteCommand.CommandText" or "SqlMapper.Query".</summary>
    public string Display { get; }
}
