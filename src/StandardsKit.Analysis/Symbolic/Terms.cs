using System.Collections.Immutable;

namespace StandardsKit.Analysis.Symbolic;

/// <summary>What a term is on one branch: a value, "none" (an <c>absent: none</c> fact not given) or undetermined.</summary>
internal enum TermStatus
{
    Known,
    None,
    Unknown,
}

internal abstract record TermValue;

/// <summary>
/// A number, or a date as a day number. <see cref="Today"/>: the form reads the evaluation date;
/// <see cref="Calendar"/>: the evaluation date was shifted by calendar months or years (or counted in years) on
/// the way, so the value is no longer the evaluation date plus a fixed number of days; <see cref="ConstantOn"/>:
/// for a form that reads the evaluation date, its constant part on any day (the form holds the value on one day);
/// <see cref="Rounded"/>: the evaluator's decimal may have rounded it (the form is the exact value);
/// <see cref="AnyScale"/>: it reads a decimal fact, whose inputs may carry any number of digits.
/// </summary>
internal sealed record NumValue(LinearForm Form, bool Today, bool Calendar = false, Func<DateOnly, Rational>? ConstantOn = null,
    bool Rounded = false, bool AnyScale = false) : TermValue;

/// <summary>A finite-domain variable (enum, text, division code).</summary>
internal sealed record FdValue(int Var) : TermValue;

/// <summary>A text constant (a string literal).</summary>
internal sealed record TextValue(string Text) : TermValue;

/// <summary>A known true/false value.</summary>
internal sealed record BoolValue(Formula Value) : TermValue;

/// <summary>A set fact: its members are the boolean leaves <c>member:fact:value</c>; empty when not given and <c>absent: none</c>.</summary>
internal sealed record SetValue(string Fact, bool Empty) : TermValue;

/// <summary>Completed years from a date variable to a fixed date (age, <c>yearsBetween</c>): monotone, so a comparison with a constant is a bound on the date.</summary>
/// <remarks><see cref="Shifted"/>: the fixed date is the evaluation date moved by some amount, not the evaluation date itself.</remarks>
internal sealed record YearsValue(int DateVar, DateOnly At, bool Today, bool Shifted = false) : TermValue;

/// <summary><c>addYears</c>/<c>addMonths</c> of a date variable: monotone, so a comparison with a constant is a bound on the date.</summary>
internal sealed record ShiftValue(int DateVar, bool Years, int Amount) : TermValue;

/// <summary>One branch of a term: it applies when <see cref="Guard"/> holds.</summary>
internal sealed record Alternative(Formula Guard, TermStatus Status, TermValue? Value);

/// <summary>A construct the decision procedure does not cover; the obligation ends "unsupported" with this reason.</summary>
internal sealed class UnsupportedException(string reason) : Exception(reason);

internal static class Term
{
    public static ImmutableArray<Alternative> Known(TermValue value) => [new Alternative(Formula.True, TermStatus.Known, value)];
}
