using System.Text;
using CustomerAnalytics.Loading;

namespace CustomerAnalytics.Tests.Loading;

/// <summary>Small in-memory sources for loader tests.</summary>
internal static class LoaderTestData
{
    public static LoadOptions Lenient { get; } = LoadOptions.Default with { Mode = LoadMode.Lenient };

    /// <summary>UTF-8 bytes of the text, without a byte order mark.</summary>
    public static MemoryStream Utf8(string text) => new(new UTF8Encoding(false).GetBytes(text));

    /// <summary>A temporary file holding the bytes, deleted when disposed.</summary>
    public static TempFile File(string name, byte[] content) => new(name, content);

    internal sealed class TempFile : IDisposable
    {
        private readonly string _folder;

        public TempFile(string name, byte[] content)
        {
            _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ca-loading-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_folder);
            Path = System.IO.Path.Combine(_folder, name);
            System.IO.File.WriteAllBytes(Path, content);
        }

        public string Path { get; }

        public void Dispose() => Directory.Delete(_folder, recursive: true);
    }
}
