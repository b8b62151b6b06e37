using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Cli.Tests;

/// <summary><c>fit --save</c> and <c>recommend --model</c>.</summary>
public sealed class SavedModelCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ca-cli-model-");

    private static string Data => TestPaths.SampleData;

    private string ModelPath => Path.Combine(_folder.FullName, "model.cam");

    [Fact]
    public async Task Fit_Save_WritesTheModelAndSaysWhere()
    {
        var result = await CliRunner.RunAsync("fit", "--data", Data, "--strategy", "popularity", "--save", ModelPath);

        Assert.True(result.ExitCode == 0, result.ToString());
        var bytes = new FileInfo(ModelPath).Length;
        Assert.Contains($"Saved the popularity model (4 customers, 4 products, {bytes:N0} bytes) to {ModelPath}.", Flat(result.Output), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("popularity", "C001")]
    [InlineData("segment-affinity", "C004")]
    [InlineData("item-cooccurrence", "C002")]
    public async Task RecommendModel_AnswersAsRecommendOnTheData(string strategy, string customer)
    {
        await CliRunner.RunAsync("fit", "--data", Data, "--strategy", strategy, "--save", ModelPath);

        var fromModel = await CliRunner.RunAsync("recommend", "--model", ModelPath, "--customer", customer, "--count", "3");
        var fromData = await CliRunner.RunAsync("recommend", "--data", Data, "--strategy", strategy, "--customer", customer, "--count", "3", "--quiet");

        Assert.True(fromModel.ExitCode == 0, fromModel.ToString());
        Assert.Contains($"Recommendations for {customer}, {strategy} (saved model model.cam)", Flat(fromModel.Output), StringComparison.Ordinal);
        Assert.Equal(Rows(fromData.Output, withCategory: true), Rows(fromModel.Output, withCategory: false));
        Assert.NotEmpty(Rows(fromModel.Output, withCategory: false));
    }

    [Fact]
    public async Task RecommendModel_UnknownCustomer_GetsTheFallback()
    {
        await CliRunner.RunAsync("fit", "--data", Data, "--strategy", "popularity", "--save", ModelPath);

        var result = await CliRunner.RunAsync("recommend", "--model", ModelPath, "--customer", "NEW-CUSTOMER", "--count", "2");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["P200", "P300"], Rows(result.Output, withCategory: false).Select(r => r[1]));
    }

    [Fact]
    public async Task RecommendModel_MissingFile_SaysHowToMakeOne()
    {
        var result = await CliRunner.RunAsync("recommend", "--model", ModelPath, "--customer", "C001");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"--model: the file '{ModelPath}' does not exist. Write one with 'customer-analytics fit --data DIR --save {ModelPath}'.", Flat(result.Error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecommendModel_DamagedFile_IsADataError()
    {
        await CliRunner.RunAsync("fit", "--data", Data, "--strategy", "popularity", "--save", ModelPath);
        var bytes = await File.ReadAllBytesAsync(ModelPath);
        bytes[^40] ^= 1;
        await File.WriteAllBytesAsync(ModelPath, bytes);

        var result = await CliRunner.RunAsync("recommend", "--model", ModelPath, "--customer", "C001");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--model: 'model.cam' is damaged: its SHA-256 checksum is", Flat(result.Error), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--data", "x", "Give either --model (a saved model) or the data to fit on")]
    [InlineData("--strategy", "als", "--strategy does not apply with --model")]
    public async Task RecommendModel_WithDataOrStrategy_IsAUsageError(string option, string value, string message)
    {
        var result = await CliRunner.RunAsync("recommend", "--model", ModelPath, "--customer", "C001", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, Flat(result.Error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fit_WithoutSave_IsAUsageError()
    {
        var result = await CliRunner.RunAsync("fit", "--data", Data);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--save is required", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static string Flat(string text) => string.Join(' ', text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The table's data rows as cells (#, product, score, reason), without the category column of the data path.</summary>
    private static List<string[]> Rows(string output, bool withCategory) =>
    [
        .. output.Split('\n')
            .Select(line => line.Split('│', StringSplitOptions.TrimEntries))
            .Where(cells => cells.Length > 4 && int.TryParse(cells[1], out _))
            .Select(cells => withCategory ? [cells[1], cells[2], cells[4], cells[5]] : cells[1..5]),
    ];
}
