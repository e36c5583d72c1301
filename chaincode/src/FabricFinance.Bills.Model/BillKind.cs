using System.Text.Json.Serialization;

namespace FabricFinance.Bills;

/// <summary>Who accepts (promises to pay) a bill.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BillKind>))]
public enum BillKind
{
    /// <summary>A bank acceptance bill: the acceptor is a bank party. JSON <c>bank</c>.</summary>
    [JsonStringEnumMemberName("bank")]
    Bank,

    /// <summary>A commercial acceptance bill: the acceptor is an enterprise party. JSON <c>commercial</c>.</summary>
    [JsonStringEnumMemberName("commercial")]
    Commercial,
}
