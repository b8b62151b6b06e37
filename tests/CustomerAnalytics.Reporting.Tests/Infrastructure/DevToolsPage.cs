using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace CustomerAnalytics.Reporting.Tests.Infrastructure;

/// <summary>
/// One page of Debian's Chromium, headless, driven through the DevTools protocol over its WebSocket (a small client:
/// no npm, no Selenium). It records what the page reports — console messages, uncaught exceptions, log entries (CSP
/// violations are logged there) and <c>securitypolicyviolation</c> events — so a test can assert there were none.
/// </summary>
internal sealed class DevToolsPage : IAsyncDisposable
{
    private const string ViolationProbe =
        "window.__violations=[];document.addEventListener('securitypolicyviolation',function(e){window.__violations.push(e.violatedDirective+' '+e.blockedURI);});";

    private readonly Process _browser;
    private readonly ClientWebSocket _socket = new();
    private readonly DirectoryInfo _profile;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly ConcurrentQueue<(string Method, JsonObject Params)> _events = new();
    private readonly CancellationTokenSource _stop = new();
    private string _session = string.Empty;
    private int _nextId;
    private Task _reader = Task.CompletedTask;

    private DevToolsPage(Process browser, DirectoryInfo profile)
    {
        _browser = browser;
        _profile = profile;
    }

    /// <summary>What the page reported: console calls, exceptions, log entries of level warning or error.</summary>
    public IReadOnlyList<string> Problems =>
    [
        .. _events.Where(e => e.Method is "Runtime.consoleAPICalled" or "Runtime.exceptionThrown"
                || (e.Method == "Log.entryAdded" && e.Params["entry"]?["level"]?.GetValue<string>() is "error" or "warning"))
            .Select(e => e.Method + ": " + e.Params.ToJsonString()),
    ];

    /// <summary>Starts Chromium with a window of the given size; <paramref name="scripts"/> false disables the page's scripts.</summary>
    public static async Task<DevToolsPage> OpenAsync(int width, int height, bool scripts = true, string? downloads = null)
    {
        var profile = Directory.CreateTempSubdirectory("ca-cdp-");
        var info = new ProcessStartInfo(HeadlessChromium.ExecutablePath)
        {
            Arguments = $"--headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions --remote-debugging-port=0 "
                + $"--user-data-dir={profile.FullName} --window-size={width},{height} about:blank",
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var browser = Process.Start(info) ?? throw new InvalidOperationException("Chromium did not start.");
        var page = new DevToolsPage(browser, profile);
        try
        {
            await page.ConnectAsync(width, height, scripts, downloads);
            return page;
        }
        catch
        {
            await page.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens a file and waits for its load event.</summary>
    public async Task LoadAsync(string path)
    {
        var loaded = WaitForEventAsync("Page.loadEventFired", since: _events.Count);
        await SendAsync("Page.navigate", new JsonObject { ["url"] = new Uri(Path.GetFullPath(path)).AbsoluteUri });
        await loaded;
    }

    /// <summary>Evaluates an expression in the page (DevTools, not the page's policy, runs it) and returns its value as JSON.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
        if (result["exceptionDetails"] is { } error)
        {
            throw new InvalidOperationException("The expression failed: " + error.ToJsonString());
        }

        return result["result"]?["value"];
    }

    /// <summary>Evaluates an expression and returns its text.</summary>
    public async Task<string> TextAsync(string expression) => (await EvaluateAsync(expression))?.GetValue<string>() ?? string.Empty;

    /// <summary>The <c>securitypolicyviolation</c> events the page saw.</summary>
    public async Task<string[]> ViolationsAsync() =>
        [.. ((await EvaluateAsync("window.__violations || []")) as JsonArray ?? []).Select(v => v!.GetValue<string>())];

    /// <summary>A PNG screenshot of the whole page.</summary>
    public async Task<byte[]> ScreenshotAsync()
    {
        var result = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true });
        return Convert.FromBase64String(result["data"]!.GetValue<string>());
    }

    /// <summary>Waits until a download the page started has completed.</summary>
    public Task WaitForDownloadAsync(int since) =>
        WaitForEventAsync("Browser.downloadProgress", since, p => p["state"]?.GetValue<string>() == "completed");

    /// <summary>How many events the page has reported so far (to wait for one after this point).</summary>
    public int EventCount => _events.Count;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            if (!_browser.HasExited)
            {
                _browser.Kill(entireProcessTree: true);
            }

            await _browser.WaitForExitAsync();
            await _reader.ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException or WebSocketException)
        {
        }

        _socket.Dispose();
        _browser.Dispose();
        _stop.Dispose();
        _profile.Delete(recursive: true);
    }

    private async Task ConnectAsync(int width, int height, bool scripts, string? downloads)
    {
        await _socket.ConnectAsync(await EndpointAsync(), _stop.Token);
        _reader = Task.Run(ReadAsync);
        var target = await SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, browserLevel: true);
        var attached = await SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true }, browserLevel: true);
        _session = attached["sessionId"]!.GetValue<string>();
        if (downloads is not null)
        {
            await SendAsync("Browser.setDownloadBehavior", new JsonObject { ["behavior"] = "allow", ["downloadPath"] = downloads, ["eventsEnabled"] = true }, browserLevel: true);
        }

        await SendAsync("Page.enable", []);
        await SendAsync("Runtime.enable", []);
        await SendAsync("Log.enable", []);
        await SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false });
        await SendAsync("Emulation.setScriptExecutionDisabled", new JsonObject { ["value"] = !scripts });
        await SendAsync("Page.addScriptToEvaluateOnNewDocument", new JsonObject { ["source"] = ViolationProbe });
    }

    private async Task<Uri> EndpointAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var line = await _browser.StandardError.ReadLineAsync() ?? throw new InvalidOperationException("Chromium exited before it listened.");
            const string Marker = "DevTools listening on ";
            var at = line.IndexOf(Marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                _ = _browser.StandardError.ReadToEndAsync();
                return new Uri(line[(at + Marker.Length)..].Trim());
            }
        }

        throw new TimeoutException("Chromium did not announce its DevTools endpoint within 30 s.");
    }

    private async Task<JsonObject> SendAsync(string method, JsonObject parameters, bool browserLevel = false)
    {
        var id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        if (!browserLevel)
        {
            message["sessionId"] = _session;
        }

        var done = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = done;
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, _stop.Token);
        var reply = await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return reply["error"] is { } error
            ? throw new InvalidOperationException($"{method} failed: {error.ToJsonString()}")
            : reply["result"] as JsonObject ?? [];
    }

    private async Task WaitForEventAsync(string method, int since, Func<JsonObject, bool>? match = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!_events.Skip(since).Any(e => e.Method == method && (match is null || match(e.Params))))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No {method} within 30 s.");
            }

            await Task.Delay(20);
        }
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
        {
            var received = await _socket.ReceiveAsync(buffer, _stop.Token);
            message.Write(buffer, 0, received.Count);
            if (!received.EndOfMessage)
            {
                continue;
            }

            var node = JsonNode.Parse(message.ToArray())!.AsObject();
            message.SetLength(0);
            if (node["id"] is { } id && _pending.TryRemove(id.GetValue<int>(), out var waiting))
            {
                waiting.SetResult(node);
            }
            else if (node["method"] is { } method)
            {
                _events.Enqueue((method.GetValue<string>(), node["params"] as JsonObject ?? []));
            }
        }
    }
}
