using System.Text;
using CustomerAnalytics.Enrichment.Staging;
using CustomerAnalytics.Model;

namespace CustomerAnalytics.Tests.Enrichment.Staging;

public class IdRegistryTests
{
    [Fact]
    public void IndexOf_SameIdAsStringAndAsBytes_OneIndex()
    {
        var registry = IdRegistry<Customer>.Create();

        var byString = registry.IndexOf("C1");
        var byBytes = registry.IndexOf("C1"u8);
        var other = registry.IndexOf("C2"u8);

        Assert.Equal(0, byString);
        Assert.Equal(0, byBytes);
        Assert.Equal(1, other);
        Assert.Equal("C2", registry[1]);
        Assert.Equal(2, registry.Count);
        Assert.All(registry.Records, Assert.Null);
    }

    [Fact]
    public void TryAdd_SecondRecordOfAnId_KeepsTheFirst()
    {
        var registry = IdRegistry<Customer>.Create();
        registry.IndexOf("C1"u8);

        Assert.False(registry.HasRecord("C1"));
        Assert.True(registry.TryAdd("C1", new Customer("C1", "A")));
        Assert.False(registry.TryAdd("C1", new Customer("C1", "B")));
        Assert.True(registry.HasRecord("C1"));
        Assert.Equal("A", registry.Records[0]!.Segment);
    }

    [Fact]
    public void MapFrom_Part_MapsInOrderOfFirstAppearanceThere()
    {
        var registry = IdRegistry<Product>.Create();
        registry.IndexOf("P2");
        var part = IdRegistry<Product>.ForPart();
        foreach (var id in new[] { "P3", "P2", "P3", "P1" })
        {
            part.IndexOf(Encoding.UTF8.GetBytes(id));
        }

        var map = registry.MapFrom(part);

        Assert.Equal([1, 0, 2], map);
        Assert.Equal(["P2", "P3", "P1"], Enumerable.Range(0, registry.Count).Select(i => registry[i]));
        Assert.Throws<InvalidOperationException>(() => part[0]);
    }
}
