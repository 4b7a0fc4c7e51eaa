namespace StandardsKit.Analysis.Symbolic;

/// <summary>A theory atom: a leaf whose truth is decided by the values of numeric or finite-domain variables.</summary>
internal abstract record Atom;

/// <summary><c>Form &lt; 0</c> when <see cref="Strict"/>, else <c>Form ≤ 0</c>.</summary>
internal sealed record LinearAtom(LinearForm Form, bool Strict) : Atom;

/// <summary>A finite-domain variable (enum, text, division code) equals a constant.</summary>
internal sealed record EqualsConstAtom(int Var, string Value) : Atom;

/// <summary>Two finite-domain variables hold the same value (<c>hukou == residence</c>); <c>A &lt; B</c>.</summary>
internal sealed record SameAtom(int A, int B) : Atom;

/// <summary>A division-code variable starts with a GB/T 2260 containment prefix (<c>within(hukou, "310000")</c>).</summary>
internal sealed record WithinAtom(int Var, string Prefix) : Atom;

/// <summary>
/// A division attribute of a division-code variable has a value (<c>hasAttribute</c>, <c>attribute</c>):
/// <see cref="Value"/> is the value as text (<c>true</c>, <c>3</c>, <c>east</c>), or <see cref="UnknownValue"/>
/// where the attribute's sources do not cover the division. The values of one attribute exclude one another, and
/// the finite-domain solver decides them by looking each candidate code up in <see cref="Attributes"/>.
/// </summary>
internal sealed record AttributeAtom(int Var, StandardsKit.Divisions.DivisionAttributes Attributes, string Attribute, string Value) : Atom
{
    public const string UnknownValue = "?";

    /// <summary>The attribute's value for a division code, as this atom spells values.</summary>
    public static string KeyOf(StandardsKit.Divisions.DivisionAttributes attributes, string attribute, string code) =>
        Key(attributes.ValueOf(code, attribute).Value);

    public static string Key(object? value) => value switch
    {
        null => UnknownValue,
        bool b => b ? "true" : "false",
        // Normalised: 1 and 1.0 are one value to the evaluator, so they must be one key here.
        decimal n => n.ToString("0.############################", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? UnknownValue,
    };
}
