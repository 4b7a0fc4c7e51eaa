using StandardsKit.Expressions;

namespace StandardsKit.Compilation.Screening;

/// <summary>Date arithmetic on day numbers for compiled programs; the same .NET calls the interpreter makes.</summary>
internal static class DateCells
{
    public static int AddYears(int day, int years) => DateOnly.FromDayNumber(day).AddYears(years).DayNumber;

    public static int AddMonths(int day, int months) => DateOnly.FromDayNumber(day).AddMonths(months).DayNumber;

    public static long YearsBetween(int from, int to) => CompletedYears.Between(DateOnly.FromDayNumber(from), DateOnly.FromDayNumber(to));
}
