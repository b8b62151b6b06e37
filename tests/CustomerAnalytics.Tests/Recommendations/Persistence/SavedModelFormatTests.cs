using System.Security.Cryptography;
using System.Text;
using CustomerAnalytics.Recommendations;
using CustomerAnalytics.Recommendations.Persistence;
using CustomerAnalytics.Tests.Infrastructure;
using static CustomerAnalytics.Tests.Recommendations.Persistence.SavedModelRoundTripTests;

namespace CustomerAnalytics.Tests.Recommendations.Persistence;

/// <summary>The header as docs/saved-models.md lays it out, and the errors of files that cannot be loaded.</summary>
public sealed class SavedModelFormatTests
{
    private static readonly byte[] Popularity = Bytes(new PopularityRecommender().Fit(Seed.Dataset()));

    [Fact]
    public void Header_IsLaidOutAsDocumented()
    {
        var version = Encoding.UTF8.GetBytes(RecommenderModelFile.LibraryVersion);
        var strategy = "popularity"u8.ToArray();
        byte[] expected =
        [
            0x89, 0x43, 0x41, 0x4D, 0x0D, 0x0A, 0x1A, 0x0A, // signature
            0x02, 0x00, // format version 2
            0x01, // kind: candidate list
            0x00, // reserved
            (byte)version.Length, .. version,
            (byte)strategy.Length, .. strategy,
        ];
        var payloadLength = Popularity.Length - expected.Length - 8 - 32;

        Assert.Equal(expected, Popularity[..expected.Length]);
        Assert.Equal(BitConverter.GetBytes((long)payloadLength), Popularity[expected.Length..(expected.Length + 8)]);
        Assert.Equal(SHA256.HashData(Popularity.AsSpan(0, Popularity.Length - 32)), Popularity[^32..]);
    }

    [Fact]
    public void ReadInfo_ReturnsTheHeader()
    {
        var model = new FallbackRecommender(new ItemCooccurrenceRecommender(), new PopularityRecommender()).Fit(Seed.Dataset());
        var bytes = Bytes(model);

        var info = RecommenderModelFile.ReadInfo(new MemoryStream(bytes));

        Assert.Equal(new SavedModelInfo(2, SavedModelKind.Fallback, "fallback(item-cooccurrence, popularity)", RecommenderModelFile.LibraryVersion, info.PayloadLength), info);
        Assert.Equal(bytes.Length - 32, info.PayloadLength + HeaderLength(bytes));
    }

    [Fact]
    public void Load_NotAModel_SaysSo()
    {
        var e = Assert.Throws<InvalidDataException>(() => RecommenderModelFile.Load(new MemoryStream("customer_id,product_id\n"u8.ToArray()), "orders.csv"));

        Assert.Equal("'orders.csv' is not a saved CustomerAnalytics model: it does not start with the signature 89 43 41 4D 0D 0A 1A 0A. Pass a file written by RecommenderModelFile.Save or 'customer-analytics fit --save'.", e.Message);
    }

    [Fact]
    public void Load_AnotherFormatVersion_NamesBothVersions()
    {
        var bytes = (byte[])Popularity.Clone();
        bytes[8] = 1;

        var e = Assert.Throws<InvalidDataException>(() => RecommenderModelFile.Load(new MemoryStream(bytes), "model.cam"));

        Assert.Equal($"'model.cam' is in saved-model format version 1; this library ({RecommenderModelFile.LibraryVersion}) reads format version 2. Load it with the library version that wrote it, or fit the model again and save it with this version.", e.Message);
    }

    [Fact]
    public void Load_UnknownKind_SaysSo()
    {
        var bytes = (byte[])Popularity.Clone();
        bytes[10] = 99;

        var e = Assert.Throws<InvalidDataException>(() => RecommenderModelFile.Load(new MemoryStream(bytes)));

        Assert.StartsWith("The stream holds a model of kind 99, which this library", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AnotherKindThanExpected_SaysWhichAndWhatToDo()
    {
        var e = Assert.Throws<InvalidDataException>(() => RecommenderModelFile.Load(new MemoryStream(Popularity), "model.cam", SavedModelKind.ItemCooccurrence));

        Assert.Equal("'model.cam' holds a CandidateList model (popularity), not the ItemCooccurrence model asked for. Pass the file saved for that strategy, or fit a ItemCooccurrence model and save it.", e.Message);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(15)]
    public void Load_TruncatedHeader_SaysTruncated(int length)
    {
        var e = Assert.Throws<InvalidDataException>(() => RecommenderModelFile.Load(new MemoryStream(Popularity[..length]), "model.cam"));

        Assert.Contains(length < 8 ? "is not a saved CustomerAnalytics model" : "is truncated: it ends inside its header", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TruncatedPayload_SaysHowMuchIsMissing()
    {
        var header = HeaderLength(Popularity);
        var cut = Popularity[..^10];

        var e = Assert.Throws<InvalidDataException>(() => RecommenderModelFile.Load(new MemoryStream(cut), "model.cam"));

        var payload = Popularity.Length - header - 32;
        Assert.Equal($"'model.cam' is truncated: its header announces {payload} payload bytes and a 32-byte checksum after the {header}-byte header, but only {payload + 22} of them follow. The copy or download was cut short: copy the file again, or save the model again.", e.Message);
    }

    [Fact]
    public void Load_DamagedPayload_FailsTheChecksum()
    {
        var bytes = (byte[])Popularity.Clone();
        bytes[HeaderLength(bytes) + 3] ^= 0x40;

        var e = Assert.Throws<InvalidDataException>(() => RecommenderModelFile.Load(new MemoryStream(bytes), "model.cam"));

        Assert.StartsWith("'model.cam' is damaged: its SHA-256 checksum is " + Convert.ToHexString(bytes[^32..]) + " but its contents hash to ", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("The file was changed after it was saved: copy it again from where it was written, or save the model again.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_AModelOfAnotherLibrary_IsRefused()
    {
        var model = new StubRecommender("stub", new Dictionary<string, (string, double)[]>()).Fit(Seed.Dataset());

        var e = Assert.Throws<NotSupportedException>(() => RecommenderModelFile.Save(model, new MemoryStream()));

        Assert.StartsWith("The model 'stub' (", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SaveFile_ThenLoadFile_RoundTrips()
    {
        var path = Path.Combine(Path.GetTempPath(), "ca-saved-" + Guid.NewGuid().ToString("N") + RecommenderModelFile.Extension);
        try
        {
            var fitted = new SegmentAffinityRecommender().Fit(Seed.Dataset());
            RecommenderModelFile.SaveFile(fitted, path);

            var loaded = RecommenderModelFile.LoadFile(path, SavedModelKind.CandidateList);

            Assert.Equal(fitted.Recommend("C004").ToArray(), loaded.Recommend("C004").ToArray());
            Assert.False(File.Exists(path + ".tmp"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Bytes up to and including the payload length: 12 fixed, two strings (one-byte lengths here) and 8.</summary>
    private static int HeaderLength(byte[] bytes)
    {
        var version = bytes[12];
        var strategy = bytes[13 + version];
        return 12 + 1 + version + 1 + strategy + 8;
    }
}
