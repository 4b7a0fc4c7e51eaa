namespace StandardsKit.Expressions;

/// <summary>A closed interval of numbers, or of dates as day numbers, that a subexpression's value lies in.</summary>
internal readonly record struct Interval(decimal Low, decimal High)
{
    /// <summary>Any date a literal, a resident's fact or the evaluation date may be.</summary>
    public static Interval SupportedDates { get; } = Days(ExpressionLimits.FirstDate, ExpressionLimits.LastDate);

    public static Interval Days(DateOnly low, DateOnly high) => new(low.DayNumber, high.DayNumber);

    public static Interval Hull(params decimal[] ends) => new(ends.Min(), ends.Max());

    /// <summary>The interval, or null when computing an end leaves decimal's range (which is too large anyway).</summary>
    public static Interval? Checked(Func<Interval> compute)
    {
        try
        {
            return compute();
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}
