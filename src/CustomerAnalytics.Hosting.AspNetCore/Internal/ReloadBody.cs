using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CustomerAnalytics.Hosting.AspNetCore.Internal;

/// <summary>Checks the body of <c>POST /admin/reload</c>: none, or an empty JSON object with a JSON content type.
/// Anything else is refused before a reload starts, so a stray or garbage request does not reload.</summary>
internal static class ReloadBody
{
    private const int MaxBytes = 1024;

    private const string Expected = "The reload request takes no body, or an empty JSON object '{}' with Content-Type application/json";

    /// <summary>Reads the body (at most 1 KiB).</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>What is wrong with the body, or <see langword="null"/> when it is acceptable.</returns>
    public static async Task<string?> ProblemAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[MaxBytes + 1];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                return $"{Expected} (the body is longer than {MaxBytes} bytes).";
            }
        }

        if (buffer.Length == 0)
        {
            return null;
        }

        if (!request.HasJsonContentType())
        {
            return $"{Expected} (was Content-Type '{request.ContentType ?? "none"}').";
        }

        try
        {
            using var json = JsonDocument.Parse(buffer.ToArray());
            return json.RootElement.ValueKind == JsonValueKind.Object && !json.RootElement.EnumerateObject().Any()
                ? null
                : $"{Expected} (was a JSON {json.RootElement.ValueKind.ToString().ToLowerInvariant()}{(json.RootElement.ValueKind == JsonValueKind.Object ? " with properties" : string.Empty)}).";
        }
        catch (JsonException ex)
        {
            return $"{Expected} (the body is not valid JSON: line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).";
        }
    }
}
