using System.Buffers;
using System.IO.Pipelines;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using StandardsKit.DependencyInjection;
using StandardsKit.Json;
using StandardsKit.Service.Contracts;
using StandardsKit.Service.Http;

namespace StandardsKit.Service.Endpoints;

/// <summary>POST /v1/evaluate and POST /v1/evaluate/batch: the §6 JSON, one resident or a stream of them.</summary>
internal static class EvaluateEndpoints
{
    private static readonly JsonWriterOptions LineWriter = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = false };

    public static void Map(IEndpointRouteBuilder app, ServiceOptions options)
    {
        app.MapPost("/v1/evaluate", EvaluateAsync)
            .WithName("Evaluate")
            .WithSummary("Evaluate one resident in a county on a date")
            .WithDescription("Returns the eval --format json document (SPEC §6) with the revision that made it; the StandardsKit-Revision header carries the same standards hash.")
            .Accepts<EvaluateRequest>("application/json")
            .Produces<JsonEvaluation>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        app.MapPost("/v1/evaluate/batch", BatchAsync)
            .WithName("EvaluateBatch")
            .WithSummary("Evaluate a stream of residents (NDJSON in, NDJSON out)")
            .WithDescription("Each input line is an evaluate request (optionally with an id); each output line is {line, id, result} or {line, id, problem}, in input order. One revision answers the whole batch.")
            .Accepts<EvaluateRequest>("application/x-ndjson", "application/jsonl", "application/json", "text/plain")
            .Produces<BatchLine>(StatusCodes.Status200OK, "application/x-ndjson")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithRequestTimeout(new RequestTimeoutPolicy { Timeout = options.BatchTimeout, TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable });
    }

    private static async Task<IResult> EvaluateAsync(HttpContext context, CatalogProvider provider, IOptions<ServiceOptions> options)
    {
        // One catalog for the whole request: the header and the body can only name the same revision.
        var catalog = provider.Current;
        var limit = options.Value.MaxBodyBytes;
        var body = await BoundedBody.ReadAsync(context.Request, limit, context.RequestAborted);
        if (body is null)
        {
            return Problem.TooLarge(limit).ToResult();
        }

        try
        {
            var input = Parse(body);
            var document = EvaluationJson.ToContract(input.Evaluate(catalog), catalog.Revision);
            using var stream = new MemoryStream();
            EvaluationJson.Serialize(stream, document, indented: false);
            return Revisions.Json(context, catalog, stream.ToArray());
        }
        catch (ProblemException e)
        {
            Revisions.Stamp(context.Response, catalog);
            return e.Problem.ToResult();
        }
    }

    private static RequestInput Parse(ReadOnlySpan<byte> utf8)
    {
        // Strict like every JSON input: invalid UTF-8 is a malformed body (400) at its line and column, and a key
        // given twice (which System.Text.Json would settle as "the last one wins") is a 422 naming its pointer.
        var memory = new ReadOnlyMemory<byte>(utf8.ToArray());
        try
        {
            memory = StandardsKit.Input.StrictJson.CheckUtf8(memory);
            StandardsKit.Input.StrictJson.CheckKeys(memory, RequestInput.MaxDepth);
        }
        catch (StandardsKit.Input.StrictJsonException e) when (e.Pointer is { } pointer)
        {
            throw new ProblemException(Problem.Field(pointer, $"line {e.Position.Line}, column {e.Position.Column}: the body {e.Message}"));
        }
        catch (StandardsKit.Input.StrictJsonException e)
        {
            throw new ProblemException(Problem.Malformed($"line {e.Position.Line}, column {e.Position.Column}: the body {e.Message}"));
        }

        utf8 = memory.Span;
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = RequestInput.MaxDepth });
            using var document = JsonDocument.ParseValue(ref reader);
            return reader.Read()
                ? throw new ProblemException(Problem.Malformed("the body holds more than one JSON value; send one object (or use /v1/evaluate/batch)"))
                : RequestInput.Parse(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new ProblemException(Problem.Malformed($"line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}: {e.Message.Split(". ", 2)[0]}"));
        }
    }

    private static async Task BatchAsync(HttpContext context, CatalogProvider provider, IOptions<ServiceOptions> options)
    {
        var limits = options.Value;
        var catalog = provider.Current;
        Revisions.Stamp(context.Response, catalog);
        if (context.Request.ContentLength > limits.MaxBatchBytes)
        {
            await Problem.TooLarge(limits.MaxBatchBytes).ToResult().ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = "application/x-ndjson; charset=utf-8";
        var reader = context.Request.BodyReader;
        var output = context.Response.BodyWriter;
        var cancel = context.RequestAborted;
        long consumed = 0;
        var line = 0;
        while (true)
        {
            var read = await reader.ReadAsync(cancel);
            var buffer = read.Buffer;
            while (TryTakeLine(ref buffer, out var text, out var length))
            {
                consumed += length;
                if (!Answer(output, catalog, limits, text, ++line, consumed))
                {
                    await output.FlushAsync(cancel);
                    return;
                }
            }

            if (buffer.Length > limits.MaxBodyBytes || consumed + buffer.Length > limits.MaxBatchBytes)
            {
                WriteProblem(output, line + 1, null, Problem.TooLarge(Math.Min(limits.MaxBodyBytes, limits.MaxBatchBytes)));
                await output.FlushAsync(cancel);
                return;
            }

            if (read.IsCompleted)
            {
                if (!buffer.IsEmpty)
                {
                    Answer(output, catalog, limits, buffer, ++line, consumed + buffer.Length);
                }

                reader.AdvanceTo(buffer.End);
                await output.FlushAsync(cancel);
                return;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
            await output.FlushAsync(cancel);
        }
    }

    private static bool TryTakeLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line, out long length)
    {
        if (buffer.PositionOf((byte)'\n') is not { } end)
        {
            line = default;
            length = 0;
            return false;
        }

        line = buffer.Slice(0, end);
        length = line.Length + 1;
        buffer = buffer.Slice(buffer.GetPosition(1, end));
        return true;
    }

    /// <summary>Writes the answer to one line; false when the batch must stop (a limit was reached).</summary>
    private static bool Answer(PipeWriter output, Catalog catalog, ServiceOptions limits, ReadOnlySequence<byte> text, int line, long consumed)
    {
        if (line > limits.MaxBatchLines)
        {
            WriteProblem(output, line, null, new Problem(StatusCodes.Status413PayloadTooLarge, "batch-too-large", "Too many lines in one batch",
                $"a batch holds at most {limits.MaxBatchLines} residents; lines from {line} on were not evaluated"));
            return false;
        }

        if (consumed > limits.MaxBatchBytes)
        {
            WriteProblem(output, line, null, Problem.TooLarge(limits.MaxBatchBytes));
            return false;
        }

        var bytes = text.IsSingleSegment ? text.FirstSpan : text.ToArray();
        if (bytes.TrimEnd("\r"u8).Trim(" \t"u8).IsEmpty)
        {
            return true; // blank lines separate nothing and answer nothing, as in JSON Lines
        }

        JsonElement? id = null;
        try
        {
            var input = Parse(bytes);
            id = input.Id;
            var document = EvaluationJson.ToContract(input.Evaluate(catalog), catalog.Revision);
            using var w = new Utf8JsonWriter(output, LineWriter);
            w.WriteStartObject();
            w.WriteNumber("line", line);
            if (id is { } value)
            {
                w.WritePropertyName("id");
                value.WriteTo(w);
            }

            w.WritePropertyName("result");
            EvaluationJson.Serialize(w, document);
            w.WriteEndObject();
            w.Flush();
            output.Write("\n"u8);
        }
        catch (ProblemException e)
        {
            WriteProblem(output, line, id, e.Problem);
        }

        return true;
    }

    private static void WriteProblem(PipeWriter output, int line, JsonElement? id, Problem problem)
    {
        using var w = new Utf8JsonWriter(output, LineWriter);
        w.WriteStartObject();
        w.WriteNumber("line", line);
        if (id is { } value)
        {
            w.WritePropertyName("id");
            value.WriteTo(w);
        }

        w.WriteStartObject("problem");
        w.WriteString("type", Problem.TypePrefix + problem.Slug);
        w.WriteString("title", problem.Title);
        w.WriteNumber("status", problem.Status);
        w.WriteString("detail", problem.Detail);
        if (problem.Pointer is { } pointer)
        {
            w.WriteStartArray("errors");
            w.WriteStartObject();
            w.WriteString("detail", problem.Detail);
            w.WriteString("pointer", pointer);
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.Flush();
        output.Write("\n"u8);
    }
}
