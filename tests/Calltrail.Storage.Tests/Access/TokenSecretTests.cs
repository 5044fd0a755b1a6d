using Calltrail.Storage.Access;

namespace Calltrail.Storage.Tests.Access;

public sealed class TokenSecretTests
{
    [Fact]
    public void New_IsPrefixedAnd32RandomBytesInBase64Url()
    {
        var secret = TokenSecret.New();

        Assert.StartsWith("ct_", secret, StringComparison.Ordinal);
        Assert.Equal(32, System.Buffers.Text.Base64Url.DecodeFromChars(secret.AsSpan(3)).Length);
        Assert.Matches("^ct_[A-Za-z0-9_-]{43}$", secret);
    }

    [Fact]
    public void New_IsDifferentEachTime()
    {
        var secrets = Enumerable.Range(0, 100).Select(_ => TokenSecret.New()).ToHashSet();

        Assert.Equal(100, secrets.Count);
    }

    [Fact]
    public void Hash_IsTheLowercaseHexSha256OfTheSecret()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", TokenSecret.Hash("abc"));
    }

    [Theory]
    [InlineData("ct_abc", true)]
    [InlineData("test-admin-token", false)]
    [InlineData("CT_abc", false)]
    public void LooksLikeOne_OnlyForThePrefix(string presented, bool expected)
    {
        Assert.Equal(expected, TokenSecret.LooksLikeOne(presented));
    }
}
