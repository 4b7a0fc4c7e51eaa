using System.CommandLine;
using StandardsKit.Analysis;
using StandardsKit.Cli.Output;
using StandardsKit.Diagnostics;
using StandardsKit.Model;

namespace StandardsKit.Cli.Commands;

internal static class ValidateCommand
{
    public static Command Create(ConsoleIo io, Option<string?> standards)
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders to validate, each with the standards tree it belongs to (default: the standards in use)", Arity = ArgumentArity.ZeroOrMore };
        var format = new Option<string>("--format") { Description = "text, json, github (workflow annotations) or sarif (SARIF 2.1.0 for code scanning)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "github", "sarif");
        var minEvidence = new Option<string?>("--min-evidence") { Description = "Fail when any item, text, rule or level is backed by less: verbatim, secondary, policy, carried-forward or reconstructed" };
        minEvidence.AcceptOnlyFromAmong([.. EvidenceNames.All]);
        var command = new Command("validate", "Check standards: YAML, schema, references, expressions, edition dates, and prove the national floor; print provenance counts and proof results. Exit 0 clean, 1 findings, 2 usage or I/O error.")
        {
            paths, format, minEvidence,
        };
        command.SetAction(parse =>
        {
            var given = parse.GetValue(paths) ?? [];
            var choice = CatalogSource.Choose(parse.GetValue(standards), given, io, pathsAreStandards: true);
            CatalogLoadResult result;
            try
            {
                // A file or folder inside a standards tree is validated with its tree (the overlay it extends is
                // there); paths outside any tree are a set of their own, checked against the embedded vocabulary.
                result = choice.Paths is { } alone ? Catalog.LoadPaths(alone)
                    : given.Length == 0 || (choice.Directory is { } root && given.Any(p => CatalogSource.Inside(p, root))) ? CatalogSource.Load(choice, given)
                    : Catalog.LoadPaths(given); // --standards DIR with paths outside it: the paths, as before
            }
            catch (IOException e)
            {
                throw new CliException(e.Message);
            }

            if (result.Files == 0)
            {
                throw new CliException($"no *.yaml files in {string.Join(", ", given)}");
            }

            var diagnostics = result.Diagnostics.ToList();
            if (parse.GetValue(minEvidence) is { } min)
            {
                diagnostics.AddRange(EvidenceCheck.Below(result.Documents, EvidenceNames.Parse(min)));
            }

            var files = result.Files;

            // The floor proof needs a consistent set of standards; on load errors it would only add noise.
            FloorProofReport? proofs = null;
            if (result.Catalog is { } catalog)
            {
                proofs = FloorProver.Prove(catalog);
                diagnostics.AddRange(proofs.Diagnostics);
                diagnostics.AddRange(LevelTextCheck.Check(catalog));
            }

            var provenance = result.Documents.Select(ProvenanceSummary.For).ToList();
            switch (parse.GetValue(format))
            {
                case "json":
                    DiagnosticsRenderer.Json(io.Out, diagnostics, provenance, files, proofs);
                    break;
                case "sarif":
                    SarifOutput.Write(io.Out, diagnostics);
                    break;
                case "github":
                    DiagnosticsRenderer.GitHub(io.Out, diagnostics, files);
                    break;
                default:
                    DiagnosticsRenderer.Text(io.Out, diagnostics, provenance, files, proofs);
                    break;
            }

            return diagnostics.Any(d => d.Severity == Severity.Error) ? CliApp.Findings : CliApp.Ok;
        });
        return command;
    }
}
