using System.Collections.Immutable;
using StandardsKit.Diagnostics;
using StandardsKit.Engine;
using StandardsKit.Divisions;
using StandardsKit.Loading.Yaml;
using StandardsKit.Model;
using StandardsKit.Testing;

namespace StandardsKit.Loading;

/// <summary>
/// The loading pipeline: YAML with positions → schema → model with compiled expressions → reference checks.
/// Every stage runs on every file so one run reports every problem.
/// </summary>
internal static class CatalogLoader
{
    public static CatalogLoadResult Load(IReadOnlyList<SourceFile> files, bool fallBackToEmbeddedVocabulary)
    {
        var diagnostics = new DiagnosticBag();
        var trees = new List<(SourceFile File, SchemaKind Kind, YamlMapping Root)>();
        var unusable = new HashSet<string>(StringComparer.Ordinal);
        var revision = new RevisionHash();
        foreach (var file in files)
        {
            byte[] bytes;
            try
            {
                bytes = file.Read();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Error(DiagnosticCodes.Io, new SourceSpan(file.Path, 1, 1), $"cannot read the file: {e.Message}", null);
                continue;
            }

            revision.Add(file.RelativePath, bytes);
            if (YamlReader.Read(file.Path, bytes, diagnostics) is not { } root)
            {
                continue;
            }

            if (root is not YamlMapping mapping)
            {
                diagnostics.Error(DiagnosticCodes.UnknownFileKind, root.Span, "a standards file must be a mapping (key: value pairs) at the top",
                    "see docs/authoring.md for the layout");
                continue;
            }

            var kind = KindOf(mapping);
            if (SchemaValidator.Validate(mapping, kind, diagnostics))
            {
                trees.Add((file, kind, mapping));
            }
            else if (kind == SchemaKind.Standard && NodeReader.String(mapping["id"]) is { } id && NodeReader.String(mapping["edition"]) is { } edition)
            {
                // Its errors are reported; standards that extend it should not add "not loaded" on top.
                unusable.Add($"{id}@{edition}");
            }
        }

        var reader = new NodeReader(diagnostics);
        var factTrees = trees.Where(t => t.Kind == SchemaKind.Facts).ToList();
        var declarations = factTrees.SelectMany(t => FactsBinder.Bind(t.Root, reader)).ToList();
        if (factTrees.Count == 0 && fallBackToEmbeddedVocabulary)
        {
            declarations = [.. Embedded(SchemaKind.Facts, revision).SelectMany(t => FactsBinder.Bind(t, reader))];
        }

        var facts = CheckFacts(declarations, files, diagnostics);

        var divisionList = trees.Where(t => t.Kind == SchemaKind.Divisions).SelectMany(t => DivisionsBinder.Bind(t.Root)).ToList();
        if (divisionList.Count == 0 && fallBackToEmbeddedVocabulary)
        {
            divisionList = [.. Embedded(SchemaKind.Divisions, revision).SelectMany(DivisionsBinder.Bind)];
        }

        var divisions = new DivisionDirectory(divisionList);

        var documents = trees.Where(t => t.Kind == SchemaKind.Standard)
            .Select(t => new StandardBinder(reader, facts, t.File.Path).Bind(t.Root))
            .OfType<StandardDocument>()
            .ToImmutableArray();
        var tests = trees.Where(t => t.Kind == SchemaKind.Tests).SelectMany(t => TestCasesBinder.Bind(t.Root, reader)).ToImmutableArray();

        ReferenceChecker.Check(documents, divisions, diagnostics, unusable);

        var all = diagnostics.Items.ToImmutableArray();
        var catalog = diagnostics.HasErrors ? null : new Catalog(facts, divisions, documents, tests, all) { Revision = revision.ToRevision() };
        return new CatalogLoadResult(catalog, all, documents, tests, facts, files.Count);
    }

    /// <summary>
    /// Runs the floor proof. The evaluator is total over everything that binds, but the sampling prover still
    /// computes boundary values of its own (products of literals up to 10^15 each); should it fail, the
    /// standards load and the proof says it did not cover them, instead of loading throwing.
    /// </summary>
    private static SchemaKind KindOf(YamlMapping root)
    {
        if (root["facts"] is not null)
        {
            return SchemaKind.Facts;
        }

        if (root["divisions"] is not null)
        {
            return SchemaKind.Divisions;
        }

        return root["tests"] is not null ? SchemaKind.Tests : SchemaKind.Standard;
    }

    /// <summary>The embedded files of one kind, for a folder that lacks them; they count in the revision.</summary>
    private static List<YamlMapping> Embedded(SchemaKind kind, RevisionHash revision)
    {
        var scratch = new DiagnosticBag();
        var found = new List<YamlMapping>();
        foreach (var file in StandardsSources.Embedded())
        {
            var bytes = file.Read();
            if (YamlReader.Read(file.Path, bytes, scratch) is YamlMapping m && KindOf(m) == kind)
            {
                revision.Add("(embedded)/" + file.RelativePath, bytes);
                found.Add(m);
            }
        }

        return found;
    }

    private static FactVocabulary CheckFacts(List<FactDeclaration> declarations, IReadOnlyList<SourceFile> files, DiagnosticBag d)
    {
        if (declarations.Count == 0)
        {
            d.Error(DiagnosticCodes.MissingFacts, files.Count > 0 ? new SourceSpan(files[0].Path, 1, 1) : null,
                "no fact vocabulary: expressions cannot be checked", "add standards/facts.yaml (see docs/authoring.md)");
        }

        var unique = new List<FactDeclaration>();
        foreach (var fact in declarations)
        {
            if (unique.Any(f => f.Name == fact.Name))
            {
                d.Error(DiagnosticCodes.DuplicateId, fact.Span, $"fact '{fact.Name}' is declared twice", "remove one declaration");
                continue;
            }

            if (fact.Derived is { } derived && (derived != "age-from-birthDate" || declarations.All(f => f.Name != "birthDate")))
            {
                d.Error(DiagnosticCodes.BadFactDeclaration, fact.Span, $"fact '{fact.Name}' is derived by '{derived}', which the engine cannot compute here",
                    "the engine derives 'age-from-birthDate' and needs a 'birthDate' date fact");
            }

            unique.Add(fact);
        }

        if (unique.Count > FactVocabulary.MaxFacts)
        {
            d.Error(DiagnosticCodes.BadFactDeclaration, unique[FactVocabulary.MaxFacts].Span,
                $"more than {FactVocabulary.MaxFacts} facts are declared", "merge related facts into an enum or set");
            unique = unique.Take(FactVocabulary.MaxFacts).ToList();
        }

        return new FactVocabulary(unique);
    }
}
