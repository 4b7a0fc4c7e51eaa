using StandardsKit.Engine;
using StandardsKit.Json;
using StandardsKit.Tests.TestSupport;
using static StandardsKit.Tests.Cli.CliHarness;

namespace StandardsKit.Tests.Json;

/// <summary>One serializer for the §6 contract: what the CLI prints is what embedders get, and it reads back unchanged.</summary>
public sealed class EvaluationJsonTests
{
    private static string PregnantJson => File.ReadAllText(Path.Combine(Repo.Samples, "resident-pregnant-shanghai.json"));

    [Fact]
    public void The_library_serializer_writes_exactly_what_eval_prints()
    {
        var evaluation = Catalog.Default.Evaluate(Resident.FromJson(PregnantJson), "310104", new DateOnly(2024, 6, 1));

        var cli = RunWithInput(PregnantJson, "eval", "--county", "310104", "--on", "2024-06-01", "--resident", "-");

        cli.Out.Should().Be(EvaluationJson.Serialize(EvaluationJson.ToContract(evaluation, Catalog.Default.Revision)) + Environment.NewLine);
    }

    [Theory]
    [InlineData("""{"onlyChildDisabled": true, "schoolStage": "primary"}""")]
    [InlineData("{}")]
    public void A_document_reads_back_and_writes_the_same_bytes(string resident)
    {
        var evaluation = Catalog.Default.Evaluate(Resident.FromJson(resident), "310104", new DateOnly(2024, 6, 1));
        var text = EvaluationJson.Serialize(EvaluationJson.ToRecord(evaluation, Catalog.Default.Revision, Resident.FromJson(resident)));

        EvaluationJson.Serialize(EvaluationJson.Deserialize(text)).Should().Be(text);
    }

    [Fact]
    public void Compact_form_is_one_line_of_the_same_document()
    {
        var evaluation = Catalog.Default.Evaluate(Resident.FromJson(PregnantJson), "310104", new DateOnly(2024, 6, 1));
        var document = EvaluationJson.ToContract(evaluation, Catalog.Default.Revision);
        using var stream = new MemoryStream();

        EvaluationJson.Serialize(stream, document, indented: false);

        var line = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        line.Should().NotContain("\n").And.Contain("孕产妇健康服务");
        EvaluationJson.Serialize(EvaluationJson.Deserialize(line)).Should().Be(EvaluationJson.Serialize(document));
    }
}
