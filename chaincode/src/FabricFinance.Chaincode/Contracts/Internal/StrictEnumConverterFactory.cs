using System.Text.Json;
using System.Text.Json.Serialization;

namespace FabricFinance.Chaincode.Contracts.Internal;

/// <summary>
/// Enums inside JSON arguments, results and state, as the router binds scalar enums: exactly a member's
/// name (or its <see cref="JsonStringEnumMemberNameAttribute"/> name), case-sensitive. System.Text.Json's
/// own enum converter also accepts other casings, surrounding white space and comma-separated lists
/// (<c>"InDeal,Active"</c> reads as <c>Presented</c>, the two values OR-ed), so one value would have many
/// spellings. <c>[Flags]</c> enums are left to that converter.
/// </summary>
internal sealed class StrictEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum && !typeToConvert.IsDefined(typeof(FlagsAttribute), inherit: false);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert))!;
}
