using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace RaspAnalyzers.Audit.Tests;

/// <summary>Keeps every log entry, with its category, event ID, message and exception text.</summary>
internal sealed class CollectingLoggerProvider : ILoggerProvider
{
    internal ConcurrentQueue<(string Category, EventId EventId, LogLevel Level, string Text)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CollectingLogger(this, categoryName);

    public void Dispose()
    {
    }

    internal string AllText() => string.Join("\n", System.Linq.Enumerable.Select(Entries, e => e.Text));

    private sealed class CollectingLogger : ILogger
    {
        private readonly CollectingLoggerProvider _provider;
        private readonly string _category;

        internal CollectingLogger(CollectingLoggerProvider provider, string category)
        {
            _provider = provider;
            _category = category;
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var text = formatter(state, exception);
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var value in values)
                {
                    text += " " + value.Key + "=" + value.Value;
                }
            }

            _provider.Entries.Enqueue((_category, eventId, logLevel, text + (exception is null ? string.Empty : " " + exception)));
        }
    }
}
