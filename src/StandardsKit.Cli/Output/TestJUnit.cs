using System.Globalization;
using System.Text;
using System.Xml;
using StandardsKit.Diagnostics;

namespace StandardsKit.Cli.Output;

/// <summary>
/// <c>test --format junit</c>: the JUnit XML that CI test reporters read. One <c>testsuite</c> per test file, one
/// <c>testcase</c> per case (classname = the file, <c>failure</c> holding every unmet expectation); an error that
/// kept the cases from running is a <c>testcase</c> with an <c>error</c> in a suite named for its file.
/// </summary>
internal static class TestJUnit
{
    public static void Write(TextWriter target, TestRun run)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "standardskit test");
            Counts(xml, run.Results.Length + run.Errors.Count, run.Results.Count(r => !r.Result.Passed), run.Errors.Count, run.Time);
            foreach (var file in run.Results.GroupBy(r => r.Result.Case.Span.File))
            {
                Suite(xml, file.Key, file.Count(), file.Count(r => !r.Result.Passed), 0, Sum(file.Select(r => r.Time)));
                foreach (var (result, time) in file)
                {
                    Case(xml, result.Case.Name, file.Key, time, result.Case.Span.Line);
                    if (!result.Passed)
                    {
                        xml.WriteStartElement("failure");
                        xml.WriteAttributeString("message", Clean(result.Failures[0]));
                        xml.WriteAttributeString("type", "expectation");
                        xml.WriteString(string.Join('\n', result.Failures.Select(Clean)));
                        xml.WriteEndElement();
                    }

                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            foreach (var file in run.Errors.GroupBy(d => d.Span?.File ?? "standards"))
            {
                Suite(xml, file.Key, file.Count(), 0, file.Count(), TimeSpan.Zero);
                foreach (var d in file)
                {
                    Case(xml, d.Span is { } s ? $"{d.Code} at {s.Line}:{s.Column}" : d.Code, file.Key, TimeSpan.Zero, d.Span?.Line);
                    xml.WriteStartElement("error");
                    xml.WriteAttributeString("message", Clean(d.Message + (d.Help is null ? "" : " — " + d.Help)));
                    xml.WriteAttributeString("type", d.Code);
                    xml.WriteString(Clean(d.ToString()));
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        target.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void Suite(XmlWriter xml, string file, int tests, int failures, int errors, TimeSpan time)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", Clean(file));
        Counts(xml, tests, failures, errors, time);
        xml.WriteAttributeString("skipped", "0");
    }

    private static void Case(XmlWriter xml, string name, string file, TimeSpan time, int? line)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", Clean(name));
        xml.WriteAttributeString("classname", Clean(file));
        xml.WriteAttributeString("time", Seconds(time));
        xml.WriteAttributeString("file", Clean(file));
        if (line is { } l)
        {
            xml.WriteAttributeString("line", l.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void Counts(XmlWriter xml, int tests, int failures, int errors, TimeSpan time)
    {
        xml.WriteAttributeString("tests", tests.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", errors.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("time", Seconds(time));
    }

    private static TimeSpan Sum(IEnumerable<TimeSpan> times) => times.Aggregate(TimeSpan.Zero, (a, b) => a + b);

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>Text from YAML made safe for a log (control characters as escapes) and for XML 1.0 (no character it cannot hold).</summary>
    private static string Clean(string text)
    {
        var escaped = SafeText.Escape(text);
        var sb = new StringBuilder(escaped.Length);
        for (var i = 0; i < escaped.Length; i++)
        {
            if (XmlConvert.IsXmlChar(escaped[i]))
            {
                sb.Append(escaped[i]);
            }
            else if (i + 1 < escaped.Length && XmlConvert.IsXmlSurrogatePair(escaped[i + 1], escaped[i]))
            {
                sb.Append(escaped, i++, 2);
            }
            else
            {
                sb.Append('\uFFFD');
            }
        }

        return sb.ToString();
    }
}
