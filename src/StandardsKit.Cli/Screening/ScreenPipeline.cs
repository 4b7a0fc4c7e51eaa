using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using StandardsKit.Cli.Output;
using StandardsKit.Engine;
using StandardsKit.Screening;

namespace StandardsKit.Cli.Screening;

/// <summary>Settings of one <c>screen</c> run.</summary>
internal sealed record ScreenSettings(RowDefaults Defaults, IReadOnlyCollection<string>? Items, int Threads, bool FailFast, TextWriter? Progress);

/// <summary>
/// Streams residents through the catalog on every core and writes the results in input order: one thread reads
/// and cuts records into chunks, workers decode, evaluate and render them, one thread writes them in order. At
/// most a fixed number of chunks are in flight, so memory is bounded whatever the input size.
/// </summary>
internal sealed class ScreenPipeline(Catalog catalog, ScreenSettings settings, ResultWriter output, TextWriter errors)
{
    private const int ChunkResidents = 256;
    private const int MaxPrepared = 4096;
    private readonly ConcurrentDictionary<(string County, DateOnly On), PreparedEvaluation> _prepared = new();

    /// <summary>
    /// Tests set this to run a pipeline on the reference path alone (every record decoded into a
    /// <see cref="Resident"/>, as before the fast path), to compare the two byte for byte. Flows with the
    /// execution context, so parallel tests do not see each other's setting.
    /// </summary>
    internal static readonly AsyncLocal<bool> ReferenceOnly = new();

    private readonly RowFill? _fill = ReferenceOnly.Value ? null : new RowFill(catalog.Rows);

    /// <summary>Runs to the end of the input (or the first bad row with fail-fast) and returns the totals.</summary>
    public ScreenSummary Run(IEnumerable<InputRecord> records)
    {
        var clock = Stopwatch.StartNew();
        var summary = new ScreenSummary();
        using var stop = new CancellationTokenSource();
        var work = Channel.CreateBounded<(InputRecord[] Records, TaskCompletionSource<Chunk> Done)>(settings.Threads * 2);
        var ordered = Channel.CreateBounded<Task<Chunk>>(settings.Threads * 4);

        var reader = Task.Factory.StartNew(() => Read(records, work.Writer, ordered.Writer, stop.Token), stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var workers = Enumerable.Range(0, settings.Threads)
            .Select(_ => Task.Factory.StartNew(() => Work(work.Reader, stop.Token), stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();

        var lastProgress = TimeSpan.Zero;
        try
        {
            while (ordered.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (ordered.Reader.TryRead(out var pending))
                {
                    var chunk = pending.GetAwaiter().GetResult();
                    output.Write(chunk.Rendered);
                    foreach (var error in chunk.Errors)
                    {
                        errors.Line(error); // a row's text (a value, a fact name) cannot forge another line
                    }

                    summary.Add(chunk.Summary);
                    if (settings.FailFast && chunk.Errors.Count > 0)
                    {
                        stop.Cancel();
                        output.Complete();
                        return summary;
                    }

                    if (settings.Progress is { } progress && clock.Elapsed - lastProgress > TimeSpan.FromMilliseconds(250))
                    {
                        lastProgress = clock.Elapsed;
                        progress.Write(string.Create(CultureInfo.InvariantCulture,
                            $"\rscreened {summary.Residents:N0} residents, {summary.Decisions / Math.Max(clock.Elapsed.TotalSeconds, 1e-9):N0} decisions/s "));
                    }
                }
            }

            reader.GetAwaiter().GetResult(); // a reading failure (bad header, unreadable file) ends the run with its message
            output.Complete();
            return summary;
        }
        finally
        {
            stop.Cancel();
            settings.Progress?.Write("\r\u001b[K");
            try
            {
                Task.WaitAll(workers);
            }
            catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException or ChannelClosedException))
            {
                // stopped early
            }
        }
    }

    private static void Read(IEnumerable<InputRecord> records, ChannelWriter<(InputRecord[], TaskCompletionSource<Chunk>)> work,
        ChannelWriter<Task<Chunk>> ordered, CancellationToken stop)
    {
        try
        {
            var batch = new List<InputRecord>(ChunkResidents);
            foreach (var record in records)
            {
                batch.Add(record);
                if (batch.Count == ChunkResidents)
                {
                    Send(batch, work, ordered, stop);
                    batch = new List<InputRecord>(ChunkResidents);
                }
            }

            if (batch.Count > 0)
            {
                Send(batch, work, ordered, stop);
            }

            ordered.Complete();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            ordered.TryComplete();
        }
        catch (Exception e)
        {
            ordered.TryComplete();
            throw e is CliException ? e : new CliException(e.Message);
        }
        finally
        {
            work.TryComplete();
        }
    }

    private static void Send(List<InputRecord> batch, ChannelWriter<(InputRecord[], TaskCompletionSource<Chunk>)> work, ChannelWriter<Task<Chunk>> ordered, CancellationToken stop)
    {
        var done = new TaskCompletionSource<Chunk>(TaskCreationOptions.RunContinuationsAsynchronously);

        // The ordered channel is the bound on memory: when the writer falls behind, reading waits here.
        ordered.WriteAsync(done.Task, stop).AsTask().GetAwaiter().GetResult();
        work.WriteAsync(([.. batch], done), stop).AsTask().GetAwaiter().GetResult();
    }

    private void Work(ChannelReader<(InputRecord[] Records, TaskCompletionSource<Chunk> Done)> work, CancellationToken stop)
    {
        while (work.WaitToReadAsync(stop).AsTask().GetAwaiter().GetResult())
        {
            while (work.TryRead(out var item))
            {
                try
                {
                    item.Done.SetResult(Screen(item.Records));
                }
                catch (Exception e)
                {
                    item.Done.SetException(e);
                }
            }
        }
    }

    private Chunk Screen(InputRecord[] records)
    {
        var screened = new List<ScreenedResident>(records.Length);
        var errors = new List<string>();
        var summary = new ScreenSummary();
        var buffer = default(ResidentRow);
        foreach (var record in records)
        {
            try
            {
                var resident = Fast(record, ref buffer) ?? Reference(record);
                screened.Add(resident);
                summary.Add(resident.Evaluation);
            }
            catch (Exception e) when (e is RowException or ResidentException or UnknownDivisionException or ArgumentException or OverflowException)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{record.Source}:{Where(record, e)}: {e.Message.Split(" (Parameter", 2)[0]}"));
                summary.AddError();
                if (settings.FailFast)
                {
                    break;
                }
            }
        }

        return new Chunk(output.Render(screened), errors, summary);
    }

    // line:column where the row's problem is: the exception's own place, else the cell of the fact the engine refused.
    private static string Where(InputRecord record, Exception e)
    {
        (long Line, int Column)? at = e switch
        {
            RowException { Column: { } c } row => (row.Line ?? record.Line, c),
            ResidentException { Fact: { } fact } => record.PositionOf(fact),
            _ => null,
        };
        return at is { } p ? string.Create(CultureInfo.InvariantCulture, $"{p.Line}:{p.Column}") : record.Line.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The fast path: the record's facts filled straight into a row and decided by the compiled program, with no
    /// <see cref="Resident"/>; null to leave the record to <see cref="Reference"/> (a bad row, or a value the fill
    /// does not take), which then reports it exactly as before.
    /// </summary>
    private ScreenedResident? Fast(InputRecord record, ref ResidentRow buffer)
    {
        if (_fill is null)
        {
            return null;
        }

        try
        {
            if (!record.TryFill(settings.Defaults, _fill, ref buffer, out var header))
            {
                return null;
            }

            var prepared = Prepare(header.County, header.On);
            return ReferenceEquals(prepared.Rows, _fill.Layout) ? new ScreenedResident(header, prepared.EvaluateRow(ref buffer)) : null;
        }
        catch (Exception e) when (e is RowException or ResidentException or UnknownDivisionException or ArgumentException or OverflowException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The reference: the record decoded into a <see cref="Resident"/> and evaluated as <c>eval</c> does.</summary>
    private ScreenedResident Reference(InputRecord record)
    {
        var row = record.Decode(settings.Defaults);
        return new ScreenedResident(row, Prepare(row.County, row.On).Evaluate(row.Resident!));
    }

    private PreparedEvaluation Prepare(string county, DateOnly on)
    {
        if (_prepared.TryGetValue((county, on), out var prepared))
        {
            return prepared;
        }

        if (county.Length != 6 || !county.All(char.IsAsciiDigit))
        {
            throw new RowException($"county '{county}' is not a 6-digit county code");
        }

        prepared = catalog.Prepare(county, on, new EvaluationOptions { Items = settings.Items, Explain = false });

        // Rows with their own dates can name many (county, date) pairs: keep the cache small, the catalog has its own.
        if (_prepared.Count < MaxPrepared)
        {
            _prepared.TryAdd((county, on), prepared);
        }

        return prepared;
    }

    private sealed record Chunk(object Rendered, List<string> Errors, ScreenSummary Summary);
}
