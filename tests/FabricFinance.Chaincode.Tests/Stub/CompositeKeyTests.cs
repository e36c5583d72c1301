namespace FabricFinance.Chaincode.Tests.Stub;

[TestFixture]
public sealed class CompositeKeyTests
{
    [Test]
    public void Create_TypeAndAttributes_IsNamespaceThenEachComponentTerminatedByU0000()
    {
        // Act
        var key = CompositeKey.Create("bill", "BankA", "B-001");

        // Assert: the same bytes the Go, Node and Java shims build.
        Assert.That(key, Is.EqualTo("\u0000bill\u0000BankA\u0000B-001\u0000"));
    }

    [Test]
    public void Create_NoAttributes_IsThePrefixOfEveryKeyOfTheType()
    {
        // Act
        var prefix = CompositeKey.Create("bill");

        // Assert
        Assert.That(prefix, Is.EqualTo("\u0000bill\u0000"));
        Assert.That(CompositeKey.Create("bill", "x").StartsWith(prefix, StringComparison.Ordinal), Is.True);
    }

    private static readonly object[] RoundTrips =
    [
        new object[] { "bill", new[] { "BankA", "B-001" } },
        new object[] { "bill", Array.Empty<string>() },
        new object[] { string.Empty, new[] { "only" } },
        new object[] { "t", new[] { string.Empty, string.Empty } },
        new object[] { "Zoë", new[] { "日本", "\U0001D11E", "U+FFFF\uFFFF" } },
    ];

    [TestCaseSource(nameof(RoundTrips))]
    public void Split_KeyFromCreate_GivesBackTypeAndAttributes(string objectType, string[] attributes)
    {
        // Arrange
        var key = CompositeKey.Create(objectType, attributes);

        // Act
        var (splitType, splitAttributes) = CompositeKey.Split(key);

        // Assert
        Assert.That(splitType, Is.EqualTo(objectType));
        Assert.That(splitAttributes, Is.EqualTo(attributes));
    }

    // Lone surrogates cannot appear in attribute arguments, so these are built in code.
    private static readonly object[] InvalidComponents =
    [
        new object[] { "bad\u0000type", Array.Empty<string>(), "U+0000" },
        new object[] { "type", new[] { "ok", "bad\u0000" }, "index 1" },
        new object[] { "type", new[] { "max\U0010FFFF" }, "U+10FFFF" },
        new object[] { "lone" + (char)0xD800, Array.Empty<string>(), "UTF-16" },
        new object[] { "type", new[] { "lone" + (char)0xDC00 + "low" }, "UTF-16" },
    ];

    [TestCaseSource(nameof(InvalidComponents))]
    public void Create_InvalidComponent_ThrowsArgumentExceptionSayingWhat(string objectType, string[] attributes, string message)
    {
        // Act & Assert
        Assert.That(() => CompositeKey.Create(objectType, attributes), Throws.ArgumentException.With.Message.Contains(message));
    }

    [Test]
    public void Create_NullAttribute_ThrowsArgumentNullException()
    {
        // Act & Assert
        Assert.That(() => CompositeKey.Create("type", ["a", null!]), Throws.ArgumentNullException);
    }

    [TestCase("plain", TestName = "Split_SimpleKey_ThrowsArgumentException")]
    [TestCase("\u0000type", TestName = "Split_UnterminatedKey_ThrowsArgumentException")]
    [TestCase("\u0000", TestName = "Split_NamespaceOnly_ThrowsArgumentException")]
    [TestCase("", TestName = "Split_EmptyKey_ThrowsArgumentException")]
    [TestCase("\u0000type\u0000\U0010FFFF", TestName = "Split_PartialKeyRangeEnd_ThrowsArgumentException")]
    public void Split_NotACompositeKey_ThrowsArgumentException(string key)
    {
        // Act & Assert
        Assert.That(() => CompositeKey.Split(key), Throws.ArgumentException);
    }

    [TestCase("\u0000type\u0000", true)]
    [TestCase("type", false)]
    [TestCase("", false)]
    [TestCase(null, false)]
    public void IsCompositeKey_Key_TellsByTheU0000Prefix(string? key, bool expected)
    {
        // Act & Assert
        Assert.That(CompositeKey.IsCompositeKey(key), Is.EqualTo(expected));
    }

    [Test]
    public void PartialKeyRange_TypeAndAttributes_EndsWithMaxRuneAfterThePrefix()
    {
        // Act
        var (start, end) = CompositeKey.PartialKeyRange("bill", ["BankA"]);

        // Assert: in UTF-8, U+10FFFF (F4 8F BF BF) sorts after every key with the prefix.
        Assert.That(start, Is.EqualTo("\u0000bill\u0000BankA\u0000"));
        Assert.That(end, Is.EqualTo("\u0000bill\u0000BankA\u0000\U0010FFFF"));
        Assert.That(System.Text.Encoding.UTF8.GetBytes(end)[^4..], Is.EqualTo(new byte[] { 0xF4, 0x8F, 0xBF, 0xBF }));
    }
}
