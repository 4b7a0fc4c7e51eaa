namespace StandardsKit;

/// <summary>
/// "Today" as the standards mean it: the date in China (Asia/Shanghai, UTC+8), not the host's. A CI runner on UTC
/// would otherwise evaluate yesterday until 08:00 China time. The command line uses this when <c>--on</c> is omitted.
/// </summary>
/// <remarks>Thread-safe. China has kept UTC+8 without daylight saving since 1991, so where the time-zone database is
/// missing (a minimal container) a fixed UTC+8 gives the same date.</remarks>
public static class ChinaTime
{
    private static readonly Lazy<TimeZoneInfo> Zone = new(Find);

    /// <summary>The Asia/Shanghai time zone (or a fixed UTC+8 where the system has no time-zone data).</summary>
    public static TimeZoneInfo TimeZone => Zone.Value;

    /// <summary>Today's date in China, from <paramref name="time"/> (the system clock when null).</summary>
    public static DateOnly Today(TimeProvider? time = null) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime((time ?? TimeProvider.System).GetUtcNow(), TimeZone).DateTime);

    private static TimeZoneInfo Find()
    {
        foreach (var id in new[] { "Asia/Shanghai", "China Standard Time" })
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(id);
            }
            catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                // try the next name, then the fixed offset
            }
        }

        return TimeZoneInfo.CreateCustomTimeZone("UTC+08", TimeSpan.FromHours(8), "China Standard Time (UTC+8)", "China Standard Time");
    }
}
