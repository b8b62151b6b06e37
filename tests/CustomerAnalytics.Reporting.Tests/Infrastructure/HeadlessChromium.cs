using System.Diagnostics;
using System.Text;

namespace CustomerAnalytics.Reporting.Tests.Infrastructure;

/// <summary>Debian's Chromium, run headless on a local file: a screenshot, the parsed DOM, and the page's console messages.</summary>
internal static class HeadlessChromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static bool IsAvailable => File.Exists(ExecutablePath);

    /// <summary>Takes a screenshot of <paramref name="htmlPath"/> at the given window size.</summary>
    public static BrowserResult Screenshot(string htmlPath, string pngPath, int width, int height) =>
        Run($"--window-size={width},{height} --screenshot={pngPath}", htmlPath);

    /// <summary>Loads <paramref name="htmlPath"/> and returns the DOM as Chromium parsed it (in <see cref="BrowserResult.Output"/>).</summary>
    public static BrowserResult DumpDom(string htmlPath) => Run("--dump-dom", htmlPath);

    private static BrowserResult Run(string arguments, string htmlPath)
    {
        var profile = Directory.CreateTempSubdirectory("ca-chromium-");
        try
        {
            var info = new ProcessStartInfo(ExecutablePath)
            {
                Arguments = $"--headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions "
                    + $"--user-data-dir={profile.FullName} --enable-logging=stderr --v=0 {arguments} \"{new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri}\"",
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(info) ?? throw new InvalidOperationException("Chromium did not start.");
            var output = new StringBuilder();
            var errors = new StringBuilder();
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (errors) { errors.AppendLine(e.Data); } } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("Chromium did not finish within 60 s.");
            }

            process.WaitForExit();
            var console = errors.ToString().Split('\n')
                .Where(line => line.Contains(":CONSOLE", StringComparison.Ordinal))
                .Select(line => line.Trim())
                .ToArray();
            return new BrowserResult(process.ExitCode, output.ToString(), console, errors.ToString());
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}

/// <summary>What a Chromium run gave: its exit code, its standard output, the page's console messages, and all of standard error.</summary>
internal sealed record BrowserResult(int ExitCode, string Output, string[] ConsoleMessages, string Log);
