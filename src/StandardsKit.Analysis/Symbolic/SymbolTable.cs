using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Numerics;

namespace StandardsKit.Analysis.Symbolic;

/// <summary>A numeric variable: a number fact, a date fact as a day number, or a stated age.</summary>
internal sealed record NumericVar(string Name, bool Integer, Rational? Min, Rational? Max);

internal enum FdKind
{
    /// <summary>Closed: one of the declared values.</summary>
    Enum,

    /// <summary>Open: any text.</summary>
    Text,

    /// <summary>
    /// Open: any 6-digit code, as the engine accepts (a resident may state a code the division list lacks).
    /// <see cref="FdVar.Values"/> are the real county-level units, tried first so examples use real codes; the
    /// rest of the space is searched through <see cref="DivisionCodeSpace"/>.
    /// </summary>
    Division,

    /// <summary>Closed: the county-level units the obligation covers (the county being evaluated).</summary>
    County,
}

/// <summary>A finite-domain variable. <see cref="Values"/>: the allowed values when closed, preferred examples when open.</summary>
internal sealed record FdVar(string Name, FdKind Kind, ImmutableArray<string> Values)
{
    /// <summary><see cref="Values"/> for membership tests: division lists hold thousands of codes.</summary>
    public FrozenSet<string> Members { get; } = Values.ToFrozenSet(StringComparer.Ordinal);
}

/// <summary>The variables and leaves of one problem; atoms are interned so equal atoms share one leaf.</summary>
internal sealed class SymbolTable
{
    private readonly List<object> _leaves = [];
    private readonly Dictionary<Atom, int> _atoms = [];
    private readonly Dictionary<string, int> _bools = new(StringComparer.Ordinal);

    public List<NumericVar> Numerics { get; } = [];

    public List<FdVar> Fds { get; } = [];

    public int LeafCount => _leaves.Count;

    /// <summary>The classes of division codes this problem's atoms can tell apart (rebuilt when atoms are added).</summary>
    public DivisionCodeSpace CodeSpace
    {
        get
        {
            if (_codeSpace is null || _codeSpaceAtoms != _atoms.Count)
            {
                _codeSpace = DivisionCodeSpace.For(_atoms.Keys);
                _codeSpaceAtoms = _atoms.Count;
            }

            return _codeSpace;
        }
    }

    private DivisionCodeSpace? _codeSpace;
    private int _codeSpaceAtoms;

    /// <summary>The atom behind a leaf, or null for a plain boolean variable.</summary>
    public Atom? AtomOf(int leaf) => _leaves[leaf] as Atom;

    public string NameOf(int leaf) => _leaves[leaf] as string ?? _leaves[leaf].ToString()!;

    public int BoolLeaf(string name)
    {
        if (!_bools.TryGetValue(name, out var id))
        {
            id = _leaves.Count;
            _leaves.Add(name);
            _bools[name] = id;
        }

        return id;
    }

    public bool TryGetBool(string name, out int leaf) => _bools.TryGetValue(name, out leaf);

    /// <summary>The plain boolean leaves whose names start with <paramref name="prefix"/> (e.g. every "given:" leaf).</summary>
    public IEnumerable<int> BoolLeaves(string prefix) =>
        _bools.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(p => p.Value).Order();

    public Formula Bool(string name) => Formula.Leaf(BoolLeaf(name));

    public Formula AtomFormula(Atom atom)
    {
        if (!_atoms.TryGetValue(atom, out var id))
        {
            id = _leaves.Count;
            _leaves.Add(atom);
            _atoms[atom] = id;
        }

        return Formula.Leaf(id);
    }

    public int AddNumeric(NumericVar v)
    {
        Numerics.Add(v);
        return Numerics.Count - 1;
    }

    public int AddFd(FdVar v)
    {
        Fds.Add(v);
        return Fds.Count - 1;
    }

    /// <summary>
    /// <c>form &lt; 0</c> or <c>form ≤ 0</c> as a formula over one canonical atom, so that <c>x &gt;= 65</c> and
    /// <c>not (x &lt; 65)</c> meet on the same leaf. Over integers, strict becomes non-strict and coefficients are
    /// divided by their gcd (rounding the constant), which keeps exactly the integer solutions.
    /// </summary>
    public Formula Linear(LinearForm form, bool strict)
    {
        if (form.IsConstant)
        {
            return Formula.Of(strict ? form.Constant.Sign < 0 : form.Constant.Sign <= 0);
        }

        var integer = form.Terms.Keys.All(v => Numerics[v].Integer);
        if (integer)
        {
            form = Integral(form);
            if (strict)
            {
                form = form.Plus(LinearForm.Of(Rational.One));
                strict = false;
            }

            form = Tighten(form);
        }

        // Canonical sign: the first coefficient positive; flipping turns ≤ into the negation of < (and back).
        var negated = false;
        if (form.Terms.First().Value.Sign < 0)
        {
            form = form.Times(-Rational.One);
            negated = true;
            if (integer)
            {
                // ¬(−L ≤ 0) ⇔ −L ≥ 1 … expressed as: L ≤ 0 ⇔ ¬(−L + 1 ≤ 0)
                form = form.Plus(LinearForm.Of(Rational.One));
            }
            else
            {
                strict = !strict;
            }
        }

        if (!integer)
        {
            form = form.Times(Rational.One / form.Terms.First().Value);
        }

        var leaf = AtomFormula(new LinearAtom(form, strict));
        return negated ? Formula.Not(leaf) : leaf;
    }

    /// <summary>Scales a form over integer variables to integer coefficients and constant.</summary>
    internal static LinearForm Integral(LinearForm form)
    {
        var lcm = BigInteger.One;
        foreach (var c in form.Terms.Values.Append(form.Constant))
        {
            lcm = lcm / BigInteger.GreatestCommonDivisor(lcm, c.Denominator) * c.Denominator;
        }

        return lcm.IsOne ? form : form.Times(Rational.Of(lcm, BigInteger.One));
    }

    /// <summary>Σaᵢxᵢ + c ≤ 0 over integers with g = gcd(aᵢ): Σ(aᵢ/g)xᵢ + ⌈c/g⌉ ≤ 0 has the same integer solutions.</summary>
    internal static LinearForm Tighten(LinearForm form)
    {
        var g = BigInteger.Zero;
        foreach (var c in form.Terms.Values)
        {
            g = BigInteger.GreatestCommonDivisor(g, c.Numerator);
        }

        if (g <= BigInteger.One)
        {
            return form;
        }

        var divisor = Rational.Of(g, BigInteger.One);
        var terms = form.Terms.ToImmutableSortedDictionary(p => p.Key, p => p.Value / divisor);
        var constant = Rational.Of((form.Constant / divisor).Ceiling(), BigInteger.One);
        return new LinearForm(terms, constant);
    }
}
