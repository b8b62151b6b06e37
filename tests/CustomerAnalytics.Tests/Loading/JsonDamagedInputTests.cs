using System.Text;
using CustomerAnalytics.Loading;
using CustomerAnalytics.Model;

namespace CustomerAnalytics.Tests.Loading;

/// <summary>JSON and JSON Lines that are damaged: each row at fault is rejected alone, a damaged source is an error.</summary>
public class JsonDamagedInputTests
{
    private const string InvalidText = "the string is not valid text (a lone UTF-16 surrogate escape such as \\udc00, or bytes that are not UTF-8)";

    private static LoadResult<Customer> Load(byte[] bytes, string name, LoadOptions? options = null)
    {
        using var stream = new MemoryStream(bytes);
        return CustomerLoader.Load(stream, name, DataFormat.Auto, options ?? LoaderTestData.Lenient);
    }

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    [Theory]
    [InlineData("customers.json", "[\n{\"customer_id\":\"C1\",\"segment\":\"SMB\"},\n{\"customer_id\":\"C2\",\"segment\":\"\\udc00\"},\n{\"customer_id\":\"C3\",\"segment\":\"SMB\"}]")]
    [InlineData("customers.jsonl", "{\"customer_id\":\"C0\",\"segment\":\"SMB\"}\n{\"customer_id\":\"C1\",\"segment\":\"SMB\"}\n{\"customer_id\":\"C2\",\"segment\":\"\\udc00\"}\n{\"customer_id\":\"C3\",\"segment\":\"SMB\"}")]
    public void Load_LoneSurrogateEscape_RejectsTheRowKeepsTheRest(string name, string text)
    {
        var result = Load(Utf8(text), name);

        Assert.Equal(["C1", "C3"], result.Rows.Select(c => c.Id).Where(id => id != "C0"));
        var problem = Assert.Single(result.Report.Diagnostics);
        Assert.Equal((3L, "segment", "\\udc00", InvalidText), (problem.Line, problem.Column, problem.Value, problem.Problem));
        Assert.Equal("text in UTF-8; a character beyond U+FFFF is escaped as a surrogate pair such as \\ud83d\\ude00", problem.Expected);
        Assert.Equal(result.Report.RowsRead, result.Report.RowsLoaded + result.Report.RowsRejected);
    }

    [Fact]
    public void Load_LoneSurrogateEscapeStrict_ThrowsDataLoadException()
    {
        var error = Assert.Throws<DataLoadException>(() => Load(Utf8("[{\"customer_id\":\"C2\",\"segment\":\"\\udc00\"}]"), "c.json", LoadOptions.Default));

        Assert.Equal((1L, "segment", InvalidText), (error.Diagnostics[0].Line, error.Diagnostics[0].Column, error.Diagnostics[0].Problem));
    }

    [Fact]
    public void Load_EscapeNextToInvalidUtf8_RejectsTheRowKeepsTheRest()
    {
        var bytes = Utf8("[{\"customer_id\":\"C1\",\"segment\":\"\\u00e9X\"},\n{\"customer_id\":\"C2\",\"segment\":\"SMB\"}]");
        bytes[Array.IndexOf(bytes, (byte)'X')] = 0xE9;

        var result = Load(bytes, "c.json");

        Assert.Equal("C2", Assert.Single(result.Rows).Id);
        var problem = Assert.Single(result.Report.Diagnostics);
        Assert.Equal((1L, "segment", InvalidText), (problem.Line, problem.Column, problem.Problem));
    }

    [Fact]
    public void Load_LoneSurrogateInAPropertyName_RejectsTheRow()
    {
        var result = Load(Utf8("[{\"customer_id\":\"C1\",\"segment\":\"SMB\"},\n{\"customer_id\":\"C2\",\"\\udc00\":\"x\",\"segment\":\"SMB\"}]"), "c.json");

        Assert.Equal("C1", Assert.Single(result.Rows).Id);
        var problem = Assert.Single(result.Report.Diagnostics);
        Assert.Equal((2L, null, "\\udc00", "a property name is not valid text (a lone UTF-16 surrogate escape such as \\udc00, or bytes that are not UTF-8)"), (problem.Line, problem.Column, problem.Value, problem.Problem));
    }

    [Theory]
    [InlineData("[{\"customer_id\":\"C1\",\"segment\":\"SMB\"}]\n[{\"customer_id\":\"C2\",\"segment\":\"SMB\"}]", 2L)]
    [InlineData("[{\"customer_id\":\"C1\",\"segment\":\"SMB\"}] trailing", 1L)]
    [InlineData("[{\"customer_id\":\"C1\",\"segment\":\"SMB\"}]\n\n  ,", 3L)]
    public void Load_DataAfterTheArray_IsAnErrorInEveryMode(string text, long line)
    {
        var error = Assert.Throws<DataLoadException>(() => Load(Utf8(text), "c.json"));

        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal(
            $"c.json({line}): error: data follows the end of the JSON array; expected one JSON array of objects and nothing after its closing ']' but white space. Join the arrays into one; for one object per line use DataFormat.JsonLines (files named .jsonl or .ndjson).",
            problem.ToString());
    }

    [Fact]
    public void Load_WhiteSpaceAfterTheArray_Loads()
    {
        Assert.Single(Load(Utf8("[{\"customer_id\":\"C1\",\"segment\":\"SMB\"}]  \r\n\t\n"), "c.json", LoadOptions.Default).Rows);
    }

    [Theory]
    [InlineData("{\"customer_id\":\"C1\",\"segm", "malformed JSON at byte 26 of the line: Expected end of string, but instead reached end of data")]
    [InlineData("// a comment", "malformed JSON at byte 1 of the line: '/' is an invalid start of a value")]
    [InlineData("42", "the line does not hold a JSON object")]
    [InlineData("{\"customer_id\":{\"x\":1},\"segment\":\"SMB\"}", "the property 'customer_id' holds a nested object or array")]
    public void Load_BrokenFirstJsonLine_RejectsTheLineAndTakesTheColumnsFromTheGoodOnes(string first, string problem)
    {
        var result = Load(Utf8(first + "\n{\"customer_id\":\"C2\",\"segment\":\"SMB\"}\n{\"customer_id\":\"C3\",\"segment\":\"SMB\",\"name\":\"Ann\"}\n"), "c.jsonl");

        Assert.Equal(new Customer[] { new("C2", "SMB"), new("C3", "SMB", null, "Ann") }, result.Rows.ToArray());
        Assert.Equal((3L, 2L, 1L), (result.Report.RowsRead, result.Report.RowsLoaded, result.Report.RowsRejected));
        var diagnostic = Assert.Single(result.Report.Diagnostics);
        Assert.Equal((1L, problem), (diagnostic.Line, diagnostic.Problem));
    }

    [Fact]
    public void Load_BrokenFirstArrayElement_RejectsItAndTakesTheColumnsFromTheGoodOnes()
    {
        var result = Load(Utf8("[1,\n{\"customer_id\":\"C2\",\"segment\":\"SMB\"}]"), "c.json");

        Assert.Equal("C2", Assert.Single(result.Rows).Id);
        var diagnostic = Assert.Single(result.Report.Diagnostics);
        Assert.Equal((1L, "the array element is not an object"), (diagnostic.Line, diagnostic.Problem));
    }

    [Fact]
    public void Load_EveryJsonLineBroken_SaysSoInsteadOfAMissingColumn()
    {
        var error = Assert.Throws<DataLoadException>(() => Load(Utf8("\n42\n{\"customer_id\":\n"), "c.jsonl"));

        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal("c.jsonl(2): error: no row is a JSON object that can be read (the first, on line 2: the line does not hold a JSON object); expected a JSON object whose values are strings, numbers, booleans or null.", problem.ToString());
    }

    [Fact]
    public void Load_JsonLinesWithCrLfAndCrOnlyLineEnds_OneRowPerLineCountedAsCsvHelperCounts()
    {
        var text = "{\"customer_id\":\"C1\",\"segment\":\"SMB\"}\r{\"customer_id\":\"C2\",\"segment\":\"SMB\"}\r\n{\"customer_id\":\"C3\",\"segment\":\"SMB\"}\n\r\n{\"customer_id\":\"C4\",\"segment\":\"\"}\r";

        var result = Load(Utf8(text), "c.jsonl");

        Assert.Equal(["C1", "C2", "C3"], result.Rows.Select(c => c.Id));
        Assert.Equal(5L, Assert.Single(result.Report.Diagnostics).Line);
    }

    [Fact]
    public void Load_JsonLinesCrLfSplitAcrossReads_OneLineBreak()
    {
        var text = "{\"customer_id\":\"C1\",\"segment\":\"SMB\"}\r\n{\"customer_id\":\"C2\",\"segment\":\"\"}";
        var result = CustomerLoader.Load(new OneCharReader(text), "c.jsonl", DataFormat.Auto, LoaderTestData.Lenient);

        Assert.Equal(2L, Assert.Single(result.Report.Diagnostics).Line);
    }

    [Theory]
    [InlineData("customers.json")]
    [InlineData("customers.jsonl")]
    public void Load_WhiteSpaceOnlyJson_SaysTheSourceIsEmpty(string name)
    {
        var error = Assert.Throws<DataLoadException>(() => Load(Utf8(" \r\n\t\n "), name));

        Assert.Equal("the source is empty", Assert.Single(error.Diagnostics).Problem);
    }

    /// <summary>A reader that gives one character per read, so every line break falls between reads.</summary>
    private sealed class OneCharReader(string text) : TextReader
    {
        private int _next;

        public override int Read(char[] buffer, int index, int count)
        {
            if (_next == text.Length || count == 0)
            {
                return 0;
            }

            buffer[index] = text[_next++];
            return 1;
        }
    }
}
