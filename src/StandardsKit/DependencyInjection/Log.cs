using Microsoft.Extensions.Logging;

namespace StandardsKit.DependencyInjection;

/// <summary>The structured log events of loading and watching standards (source-generated, allocation-free when disabled).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Loaded standards from {Source}: revision {Revision}, {Editions} editions, {Warnings} warnings")]
    public static partial void Loaded(ILogger logger, string source, string revision, int editions, int warnings);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Location}: warning {Code}: {Text}")]
    public static partial void LoadWarning(ILogger logger, string code, string location, string text);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Standards in {Directory} not swapped in; still serving revision {Revision}: {Reason}")]
    public static partial void ReloadFailed(ILogger logger, string directory, string? revision, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Standards reloaded: revision {OldRevision} -> {NewRevision}")]
    public static partial void Swapped(ILogger logger, string? oldRevision, string newRevision);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "{Directory} changed while it was being read; reading it again")]
    public static partial void ChangedWhileLoading(ILogger logger, string directory);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Watching {Directory} for changes every {Interval}")]
    public static partial void Watching(ILogger logger, string directory, TimeSpan interval);
}
