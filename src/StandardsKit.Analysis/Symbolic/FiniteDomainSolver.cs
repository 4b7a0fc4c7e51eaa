namespace StandardsKit.Analysis.Symbolic;

/// <summary>
/// Decides a conjunction of finite-domain literals: variable = constant, variable = variable, and division-code
/// containment by prefix and division attributes (each possibly negated). Variables joined by equalities form classes; each class gets
/// the values its constraints allow — from a closed domain (enum values, the counties covered), else for division
/// codes the real county-level units first and then representatives of every class of the whole 6-digit code space
/// (<see cref="DivisionCodeSpace"/>), enough of each for the disequalities — and classes that must differ are
/// assigned by backtracking. Exact: a class with no candidate has no value at all, among all 1,000,000 codes.
/// </summary>
internal static class FiniteDomainSolver
{
    public static bool Solve(IReadOnlyList<(Atom Atom, bool Value)> literals, IReadOnlyList<FdVar> vars, Func<DivisionCodeSpace> codes, out Dictionary<int, string> model)
    {
        model = [];
        var parent = new Dictionary<int, int>();
        int Find(int v)
        {
            parent.TryAdd(v, v);
            while (parent[v] != v)
            {
                parent[v] = parent[parent[v]];
                v = parent[v];
            }

            return v;
        }

        foreach (var (atom, value) in literals)
        {
            switch (atom)
            {
                case SameAtom s when value:
                    parent[Find(s.A)] = Find(s.B);
                    break;
                case SameAtom s:
                    Find(s.A);
                    Find(s.B);
                    break;
                case EqualsConstAtom e:
                    Find(e.Var);
                    break;
                case WithinAtom w:
                    Find(w.Var);
                    break;
                case AttributeAtom attribute:
                    Find(attribute.Var);
                    break;
            }
        }

        var classes = new Dictionary<int, ClassConstraints>();
        ClassConstraints Of(int v)
        {
            var root = Find(v);
            if (!classes.TryGetValue(root, out var c))
            {
                classes[root] = c = new ClassConstraints();
            }

            c.Members.Add(v);
            return c;
        }

        foreach (var v in parent.Keys.ToList())
        {
            Of(v);
        }

        var differ = new List<(int, int)>();
        foreach (var (atom, value) in literals)
        {
            switch (atom)
            {
                case EqualsConstAtom e when value:
                    Of(e.Var).Equal.Add(e.Value);
                    break;
                case EqualsConstAtom e:
                    Of(e.Var).NotEqual.Add(e.Value);
                    break;
                case WithinAtom w when value:
                    Of(w.Var).Within.Add(w.Prefix);
                    break;
                case WithinAtom w:
                    Of(w.Var).NotWithin.Add(w.Prefix);
                    break;
                case AttributeAtom attribute:
                    Of(attribute.Var).Attributes.Add((attribute, value));
                    break;
                case SameAtom s when !value:
                    var (a, b) = (Find(s.A), Find(s.B));
                    if (a == b)
                    {
                        return false;
                    }

                    differ.Add((a, b));
                    break;
            }
        }

        var roots = classes.Keys.ToList();
        var candidates = new Dictionary<int, List<string>>();
        foreach (var root in roots)
        {
            var wanted = 1 + differ.Count(d => d.Item1 == root || d.Item2 == root);
            var list = Candidates(classes[root], vars, codes, wanted).ToList();
            if (list.Count == 0)
            {
                return false;
            }

            candidates[root] = list;
        }

        var chosen = new Dictionary<int, string>();
        if (!Assign(0, roots, candidates, differ, chosen))
        {
            return false;
        }

        foreach (var (root, c) in classes)
        {
            foreach (var member in c.Members)
            {
                model[member] = chosen[root];
            }
        }

        return true;
    }

    private static bool Assign(int i, List<int> roots, Dictionary<int, List<string>> candidates, List<(int, int)> differ, Dictionary<int, string> chosen)
    {
        if (i == roots.Count)
        {
            return true;
        }

        var root = roots[i];
        foreach (var value in candidates[root])
        {
            var clash = differ.Any(d => (d.Item1 == root && chosen.GetValueOrDefault(d.Item2) == value)
                                        || (d.Item2 == root && chosen.GetValueOrDefault(d.Item1) == value));
            if (clash)
            {
                continue;
            }

            chosen[root] = value;
            if (Assign(i + 1, roots, candidates, differ, chosen))
            {
                return true;
            }

            chosen.Remove(root);
        }

        return false;
    }

    /// <summary>Up to <paramref name="wanted"/> values satisfying every constraint of the class (fewer only when fewer exist).</summary>
    private static IEnumerable<string> Candidates(ClassConstraints c, IReadOnlyList<FdVar> vars, Func<DivisionCodeSpace> codes, int wanted)
    {
        var kinds = c.Members.Select(m => vars[m]).ToList();
        var closed = kinds.Where(k => k.Kind is FdKind.Enum or FdKind.County).ToList();
        var divisionLike = kinds.Any(k => k.Kind is FdKind.Division or FdKind.County);
        bool Allowed(string value) =>
            c.Equal.All(e => e == value) && !c.NotEqual.Contains(value)
            && c.Within.All(p => value.StartsWith(p, StringComparison.Ordinal))
            && !c.NotWithin.Any(p => value.StartsWith(p, StringComparison.Ordinal))
            && closed.All(k => k.Members.Contains(value))
            && (!divisionLike || IsCode(value))
            && c.Attributes.All(a => (AttributeAtom.KeyOf(a.Atom.Attributes, a.Atom.Attribute, value) == a.Atom.Value) == a.Holds);

        var found = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        IEnumerable<string> pool = c.Equal.Count > 0 ? [c.Equal.First()]
            : closed.Count > 0 ? closed[0].Values
            : kinds.SelectMany(k => k.Values);
        foreach (var value in pool)
        {
            if (Allowed(value) && seen.Add(value))
            {
                yield return value;
                if (++found >= wanted)
                {
                    yield break;
                }
            }
        }

        if (c.Equal.Count > 0 || closed.Count > 0)
        {
            yield break;
        }

        // An open domain: any text, or any 6-digit code — wanted codes of every class the atoms tell apart.
        IEnumerable<string> open = divisionLike ? codes().Representatives(wanted) : Texts();
        foreach (var value in open)
        {
            if (Allowed(value) && seen.Add(value))
            {
                yield return value;
                if (++found >= wanted)
                {
                    yield break;
                }
            }
        }
    }

    private static IEnumerable<string> Texts()
    {
        for (var i = 0; ; i++)
        {
            yield return i == 0 ? "other" : $"other{i}";
        }
    }

    private static bool IsCode(string s) => s.Length == 6 && s.All(char.IsAsciiDigit);

    private sealed class ClassConstraints
    {
        public HashSet<int> Members { get; } = [];

        public HashSet<string> Equal { get; } = new(StringComparer.Ordinal);

        public HashSet<string> NotEqual { get; } = new(StringComparer.Ordinal);

        public List<string> Within { get; } = [];

        public List<string> NotWithin { get; } = [];

        /// <summary>Division attributes the value must (Holds) or must not have.</summary>
        public List<(AttributeAtom Atom, bool Holds)> Attributes { get; } = [];
    }
}
