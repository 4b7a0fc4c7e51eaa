namespace StandardsKit.Expressions;

/// <summary>
/// The one definition of completed years, used by the derived fact <c>age</c> and by <c>yearsBetween</c>:
/// the largest k with <c>from.AddYears(k) &lt;= to</c>.
/// </summary>
/// <remarks>
/// <see cref="DateOnly.AddYears"/> clamps 29 February to 28 February in a common year, as 《民法典》第二百零二条
/// counts a period in years: it ends on the corresponding day of the final month, or on that month's last day
/// where there is none. So a person born on 29 February completes a year on 28 February in common years, and
/// <c>age &gt;= k</c> and <c>addYears(birthDate, k) &lt;= evaluationDate()</c> always agree.
/// </remarks>
internal static class CompletedYears
{
    public static int Between(DateOnly from, DateOnly to)
    {
        // from.AddYears(k) lies in year from.Year + k, so the answer is to.Year - from.Year or one less.
        var years = to.Year - from.Year;
        return from.AddYears(years) <= to ? years : years - 1;
    }
}
