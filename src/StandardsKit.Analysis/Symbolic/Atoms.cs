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
