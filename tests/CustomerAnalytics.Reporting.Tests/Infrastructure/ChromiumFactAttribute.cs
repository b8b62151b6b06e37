namespace CustomerAnalytics.Reporting.Tests.Infrastructure;

/// <summary>A fact that needs Debian's Chromium; skipped, saying how to install it, when it is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!HeadlessChromium.IsAvailable)
        {
            Skip = $"Chromium not found at {HeadlessChromium.ExecutablePath}: run 'bash eng/install-chromium.sh' (apt-get install chromium) to run the headless-browser test.";
        }
    }
}
