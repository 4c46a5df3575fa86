using WitSharp.Tests;

namespace WitSharp.Wit.Tests.Binary;

/// <summary>The committed test components under tests/fixtures (rebuilt by tests/fixtures/build.sh).</summary>
internal static class Fixtures
{
    public static string Dir => Path.Combine(RepoPaths.Root, "tests", "fixtures");

    public static string PathOf(string relative) => Path.Combine(Dir, relative);

    public static byte[] Read(string relative) => File.ReadAllBytes(PathOf(relative));
}
