using System.Collections.Immutable;
using StandardsKit.Compilation;
using StandardsKit.Diagnostics;
using StandardsKit.Divisions;
using StandardsKit.Expressions;
using StandardsKit.Funding;
using StandardsKit.Loading.Yaml;
using StandardsKit.Model;
using StandardsKit.Testing;

namespace StandardsKit.Loading;

/// <summary>
/// The loading pipeline: YAML with positions → schema → model (with source maps beside it) → reference checks →
/// compiler (<see cref="CatalogCompiler"/>). Every stage runs on every file so one run reports every problem.
/// Loading proves nothing about the floor: that is an analysis (the StandardsKit.Analysis assembly).
/// </summary>
internal static class CatalogLoader
{
    /// <param name="files">The files to load.</param>
    /// <param name="fallBackToEmbeddedVocabulary">Use the embedded facts and divisions when the files bring none.</param>
    /// <param name="trustEmbeddedContent">
    /// True for loads that only evaluate (<see cref="Catalog.Default"/>, the CLI's evaluation commands): a file whose
    /// bytes are an embedded file's (<see cref="EmbeddedContent"/>) was schema-checked where the package was built,
    /// so it is not checked again (the JSON Schema validator's reflection-heavy code is JIT-compiled on every
    /// launch, and was most of a short command's start-up); when the process has a <see cref="YamlSnapshot"/> (the
    /// CLI's), its tree comes from it, and if it holds test cases they are bound on first use of
    /// <see cref="Catalog.Tests"/>; either way its nodes are taken from the load's budget as if it were parsed. Every other file is read and checked as usual, and every file's
    /// references and expressions are checked against the load as it is. False wherever a load must prove the files
    /// (<c>validate</c>, <c>test</c>, <see cref="Catalog.LoadEmbedded"/>, the public loaders).
    /// </param>
    /// <param name="budget">The load's byte and node budget; a fresh one (the documented limits) unless a test sets a smaller one.</param>
    public static CatalogLoadResult Load(IReadOnlyList<SourceFile> files, bool fallBackToEmbeddedVocabulary, bool trustEmbeddedContent = false, LoadBudget? budget = null)
    {
        var diagnostics = new DiagnosticBag();
        var trees = new List<(SourceFile File, SchemaKind Kind, YamlMapping Root)>();
        var unusable = new HashSet<string>(StringComparer.Ordinal);
        var revision = new RevisionHash();

        // Reading is sequential so the load's byte budget is charged in file order; parsing and schema-checking
        // one file touch nothing shared but the node budget (atomic), so files go through those stages in
        // parallel, and results are taken in file order, so output is stable.
        budget ??= new LoadBudget();
        var bags = new DiagnosticBag[files.Count];
        var contents = new byte[]?[files.Count];
        for (var i = 0; i < files.Count; i++)
        {
            bags[i] = new DiagnosticBag();
            contents[i] = Read(files[i], budget, bags[i]);
        }

        var parsed = new ParsedFile[files.Count];
        Parallel.For(0, files.Count, i => parsed[i] = Parse(files[i], contents[i], Copy(bags[i]), budget, trustEmbeddedContent));
        if (budget.NodesExhausted)
        {
            // Over the node budget, which files stop, and where, depends on how the parallel parse was scheduled.
            // Parse again in file order, so the same files fit and the limit is reported at the same node on every
            // run. The load fails either way; this only costs time when it does.
            // The first pass's trees are garbage now; collect them first, or the two passes together would peak at
            // twice the memory the budget allows (the hostile corpus's total-nodes case went from under 512 MB to 668).
            Array.Clear(parsed);
            GC.Collect();
            var inOrder = budget.WithFreshNodes();
            for (var i = 0; i < files.Count; i++)
            {
                parsed[i] = Parse(files[i], contents[i], Copy(bags[i]), inOrder, trustEmbeddedContent);
            }
        }

        foreach (var file in parsed)
        {
            diagnostics.AddRange(file.Diagnostics.Items);
            if (file.Sha256 is { } sha256)
            {
                revision.AddHash(file.File.RelativePath, sha256);
            }

            if (file.Root is { } root)
            {
                trees.Add((file.File, file.Kind, root));
            }
            else if (file.Unusable is { } key)
            {
                unusable.Add(key);
            }
        }

        // The vocabulary (facts, divisions, attributes) and the documents are bound from different trees and share
        // nothing, so they are bound at once, each into its own findings, which are then taken in the order a
        // sequential load reports them. Most of a short command's load is code running for the first time, and
        // that is what the second core takes half of.
        var divisionFindings = new DiagnosticBag();
        var divisionsAndAttributes = Task.Run(() => BindDivisions(trees, fallBackToEmbeddedVocabulary, revision, divisionFindings));

        var documentFindings = new DiagnosticBag();
        var documentReader = new NodeReader(documentFindings);
        var maps = new ExpressionSourceMaps();
        var documents = trees.Where(t => t.Kind == SchemaKind.Standard)
            .Select(t => new StandardBinder(documentReader, maps, t.File.Path).Bind(t.Root))
            .OfType<StandardDocument>()
            .ToImmutableArray();
        var tests = Tests(parsed, documentReader);
        var factFindings = new DiagnosticBag();
        var facts = BindFacts(trees, files, fallBackToEmbeddedVocabulary, revision, factFindings);

        var (divisions, attributes) = divisionsAndAttributes.GetAwaiter().GetResult();
        diagnostics.AddRange(factFindings.Items);
        diagnostics.AddRange(divisionFindings.Items);
        diagnostics.AddRange(documentFindings.Items);

        ReferenceChecker.Check(documents, divisions, diagnostics, unusable);

        var reader = new NodeReader(diagnostics);
        var plans = trees.Where(t => t.Kind == SchemaKind.Funding).Select(t => FundingPlanBinder.Bind(t.Root, t.File.Path, reader)).OfType<FundingPlan>().ToImmutableArray();
        FundingPlanBinder.Check(plans, documents, divisions, attributes, diagnostics, allStandardsRead: unusable.Count == 0);
        return CatalogCompiler.Compile(facts, divisions, documents, tests, diagnostics, maps, files.Count, attributes, new FundingRules(plans), revision.ToRevision());
    }

    /// <summary>The fact vocabulary, from the files or else embedded.</summary>
    private static FactVocabulary BindFacts(List<(SourceFile File, SchemaKind Kind, YamlMapping Root)> trees, IReadOnlyList<SourceFile> files,
        bool fallBackToEmbeddedVocabulary, RevisionHash revision, DiagnosticBag diagnostics)
    {
        var reader = new NodeReader(diagnostics);
        var factTrees = trees.Where(t => t.Kind == SchemaKind.Facts).ToList();
        var declarations = factTrees.SelectMany(t => FactsBinder.Bind(t.Root, reader)).ToList();
        if (factTrees.Count == 0 && fallBackToEmbeddedVocabulary)
        {
            declarations = [.. Embedded(SchemaKind.Facts, revision).SelectMany(t => FactsBinder.Bind(t, reader))];
        }

        return CheckFacts(declarations, files, diagnostics);
    }

    /// <summary>The division list and the division attributes, from the files or else embedded.</summary>
    private static (DivisionDirectory Divisions, DivisionAttributes Attributes) BindDivisions(
        List<(SourceFile File, SchemaKind Kind, YamlMapping Root)> trees, bool fallBackToEmbeddedVocabulary, RevisionHash revision, DiagnosticBag diagnostics)
    {
        var reader = new NodeReader(diagnostics);

        DivisionListChecker.Check(trees.Where(t => t.Kind == SchemaKind.Divisions).Select(t => t.Root), diagnostics);
        var divisionList = trees.Where(t => t.Kind == SchemaKind.Divisions).SelectMany(t => DivisionsBinder.Bind(t.Root)).ToList();
        if (divisionList.Count == 0 && fallBackToEmbeddedVocabulary)
        {
            divisionList = [.. Embedded(SchemaKind.Divisions, revision).SelectMany(DivisionsBinder.Bind)];
        }

        var divisions = new DivisionDirectory(divisionList);

        // Attributes describe the division list: a folder with its own list brings its own attributes.
        var attributeTrees = trees.Where(t => t.Kind == SchemaKind.DivisionAttributes).Select(t => t.Root).ToList();
        if (attributeTrees.Count == 0 && fallBackToEmbeddedVocabulary && !trees.Any(t => t.Kind == SchemaKind.Divisions))
        {
            attributeTrees = [.. Embedded(SchemaKind.DivisionAttributes)];
        }

        var attributes = new DivisionAttributes(
            DivisionAttributesBinder.Check([.. attributeTrees.SelectMany(t => DivisionAttributesBinder.Bind(t, reader))], divisions, diagnostics), divisions);
        return (divisions, attributes);
    }

    /// <summary>One file after the per-file stages: its findings, its tree when the schema accepted it, and the
    /// hash of the bytes parsed (for the revision; null when the file could not be read). <paramref name="Deferred"/>
    /// holds the bytes of an embedded test file left unparsed until its cases are asked for.</summary>
    private sealed record ParsedFile(SourceFile File, DiagnosticBag Diagnostics, SchemaKind Kind, YamlMapping? Root, string? Unusable, string? Sha256 = null,
        byte[]? Deferred = null);

    private static ParsedFile Parse(SourceFile file, byte[]? bytes, DiagnosticBag diagnostics, LoadBudget budget, bool trustEmbeddedContent)
    {
        if (bytes is null)
        {
            return new ParsedFile(file, diagnostics, SchemaKind.Standard, null, null);
        }

        var sha256 = RevisionHash.Sha256(bytes);
        var embedded = trustEmbeddedContent ? EmbeddedContent.PathOf(sha256) : null;
        var snapshot = embedded is null ? null : YamlSnapshot.Current;

        // A file left unparsed still takes its nodes from the load's budget, which depends on the other files: only
        // the snapshot knows how many, and a file the budget cannot take is parsed, so the limit is reported as usual.
        if (embedded is not null && EmbeddedContent.IsTests(embedded) && snapshot?.NodeCount(sha256) is { } nodes && budget.TryTakeNodes(nodes))
        {
            return new ParsedFile(file, diagnostics, SchemaKind.Tests, null, null, sha256, Deferred: bytes);
        }

        // Embedded bytes read without a finding where the snapshot was written, so their tree can be taken from it.
        if ((snapshot?.Read(sha256, file.Path, bytes, budget) ?? YamlReader.Read(file.Path, bytes, diagnostics, budget)) is not { } root)
        {
            return new ParsedFile(file, diagnostics, SchemaKind.Standard, null, null, sha256);
        }

        if (root is not YamlMapping mapping)
        {
            diagnostics.Error(DiagnosticCodes.UnknownFileKind, root.Span, "a standards file must be a mapping (key: value pairs) at the top",
                "see docs/authoring.md for the layout");
            return new ParsedFile(file, diagnostics, SchemaKind.Standard, null, null, sha256);
        }

        var kind = KindOf(mapping);
        if (embedded is not null || SchemaValidator.Validate(mapping, kind, diagnostics))
        {
            return new ParsedFile(file, diagnostics, kind, mapping, null, sha256);
        }

        // Its errors are reported; standards that extend it should not add "not loaded" on top.
        var unusable = kind == SchemaKind.Standard && NodeReader.String(mapping["id"]) is { } id && NodeReader.String(mapping["edition"]) is { } edition
            ? $"{id}@{edition}"
            : null;
        return new ParsedFile(file, diagnostics, kind, null, unusable, sha256);
    }

    /// <summary>A file's findings so far (from reading it), for a parse to add to.</summary>
    private static DiagnosticBag Copy(DiagnosticBag bag)
    {
        var copy = new DiagnosticBag();
        copy.AddRange(bag.Items);
        return copy;
    }

    /// <summary>
    /// The test cases of every test file, in file order. Files parsed now are bound now, so their findings are part
    /// of the load's; deferred embedded files are bound on first use, and report nothing, as the same bytes report
    /// nothing in the embedded load (<c>DefaultCatalogTests</c>); if they did, that would be a packaging bug.
    /// </summary>
    private static Lazy<ImmutableArray<TestCase>> Tests(ParsedFile[] parsed, NodeReader reader)
    {
        var files = parsed.Where(p => p.Kind == SchemaKind.Tests && (p.Root is not null || p.Deferred is not null)).ToList();
        var bound = files.Select(p => p.Root is { } root ? TestCasesBinder.Bind(root, reader).ToImmutableArray() : default).ToList();
        if (files.All(p => p.Deferred is null))
        {
            ImmutableArray<TestCase> all = [.. bound.SelectMany(b => b)];
            return new Lazy<ImmutableArray<TestCase>>(() => all);
        }

        return new Lazy<ImmutableArray<TestCase>>(() => [.. files.SelectMany((p, i) => p.Deferred is { } bytes ? BindDeferred(p.File, bytes) : bound[i])]);
    }

    private static ImmutableArray<TestCase> BindDeferred(SourceFile file, byte[] bytes)
    {
        var findings = new DiagnosticBag();
        var cases = YamlReader.Read(file.Path, bytes, findings) is YamlMapping root
            ? TestCasesBinder.Bind(root, new NodeReader(findings)).ToImmutableArray()
            : [];
        return findings.Items is [var finding, ..]
            ? throw new InvalidOperationException($"embedded test file {file.Path} reports '{finding}' when its cases are bound; the package was built from standards that do not load cleanly")
            : cases;
    }

    /// <summary>The embedded fact vocabulary and division list, for a model that brings neither.</summary>
    public static (IReadOnlyList<FactDeclaration> Facts, DivisionDirectory Divisions) EmbeddedVocabulary() => EmbeddedDefaults.Value;

    private static readonly Lazy<(IReadOnlyList<FactDeclaration>, DivisionDirectory)> EmbeddedDefaults = new(() =>
    {
        var reader = new NodeReader(new DiagnosticBag());
        return ([.. Embedded(SchemaKind.Facts).SelectMany(t => FactsBinder.Bind(t, reader))],
            new DivisionDirectory([.. Embedded(SchemaKind.Divisions).SelectMany(DivisionsBinder.Bind)]));
    });

    /// <summary>
    /// Reads one file within the per-file limit and what is left of the load's total, turning every refusal
    /// (a FIFO, a device, a link out of the tree, a file too large) into a diagnostic at the file.
    /// </summary>
    private static byte[]? Read(SourceFile file, LoadBudget budget, DiagnosticBag diagnostics)
    {
        var at = new SourceSpan(file.Path, 1, 1);
        var limit = (int)Math.Min(Input.InputLimits.MaxFileBytes, budget.Bytes);
        try
        {
            var bytes = file.Read(limit);
            budget.Bytes -= bytes.Length;
            return bytes;
        }
        catch (Input.InputRefusedException e) when (e.OverLimit && limit < Input.InputLimits.MaxFileBytes)
        {
            diagnostics.Error(DiagnosticCodes.InputLimit, at,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the files of this load exceed {Input.InputLimits.MaxTotalBytes:N0} bytes together; this file was not read"),
                "load fewer files at once, or split the standards into several folders");
        }
        catch (Input.InputRefusedException e) when (e.OverLimit)
        {
            diagnostics.Error(DiagnosticCodes.InputLimit, at, e.Message, "split the standard into smaller files");
        }
        catch (Input.InputRefusedException e)
        {
            diagnostics.Error(DiagnosticCodes.NotAFile, at, e.Message, "standards are regular YAML files inside the standards folder");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.Io, at, $"cannot read the file: {e.Message}", null);
        }

        return null;
    }

    /// <summary>What a file holds, by its top-level keys.</summary>
    internal static SchemaKind KindOf(YamlMapping root)
    {
        if (root["facts"] is not null)
        {
            return SchemaKind.Facts;
        }

        if (root["divisions"] is not null)
        {
            return SchemaKind.Divisions;
        }

        if (root["attributes"] is not null)
        {
            return SchemaKind.DivisionAttributes;
        }

        if (root["fundingRules"] is not null)
        {
            return SchemaKind.Funding;
        }

        return root["tests"] is not null ? SchemaKind.Tests : SchemaKind.Standard;
    }

    /// <summary>The embedded files of one kind, for a folder that lacks them; they count in the revision when one is given.</summary>
    private static List<YamlMapping> Embedded(SchemaKind kind, RevisionHash? revision = null)
    {
        var scratch = new DiagnosticBag();
        var found = new List<YamlMapping>();
        foreach (var file in StandardsSources.Embedded())
        {
            var bytes = file.Read(int.MaxValue);
            if (YamlReader.Read(file.Path, bytes, scratch) is YamlMapping m && KindOf(m) == kind)
            {
                revision?.Add("(embedded)/" + file.RelativePath, bytes);
                found.Add(m);
            }
        }

        return found;
    }

    private static FactVocabulary CheckFacts(List<FactDeclaration> declarations, IReadOnlyList<SourceFile> files, DiagnosticBag d) =>
        CheckFacts(declarations, files.Count > 0 ? new SourceSpan(files[0].Path, 1, 1) : null, d);

    /// <summary>Declarations the compiler can lay out: unique names, derivations the engine knows, at most 128 facts.</summary>
    public static FactVocabulary CheckFacts(IReadOnlyList<FactDeclaration> declarations, SourceSpan? where, DiagnosticBag d)
    {
        if (declarations.Count == 0)
        {
            d.Error(DiagnosticCodes.MissingFacts, where,
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

        if (unique.Count > ExpressionLimits.MaxFacts)
        {
            d.Error(DiagnosticCodes.BadFactDeclaration, unique[ExpressionLimits.MaxFacts].Span,
                $"more than {ExpressionLimits.MaxFacts} facts are declared", "merge related facts into an enum or set");
            unique = unique.Take(ExpressionLimits.MaxFacts).ToList();
        }

        return new FactVocabulary(unique);
    }
}
