using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace StandardsKit.Tests.TestSupport;

/// <summary>An ILoggerProvider that keeps every entry with its structured state, for asserting on log events.</summary>
internal sealed class CapturingLogger : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Category, string Message, IReadOnlyDictionary<string, object?> State)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLogger owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            owner.Entries.Enqueue((logLevel, category, formatter(state, exception), values.ToDictionary(p => p.Key, p => p.Value)));
        }
    }
}
