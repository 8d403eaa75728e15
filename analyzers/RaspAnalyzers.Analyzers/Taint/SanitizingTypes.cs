using Microsoft.CodeAnalysis;

namespace RaspAnalyzers.Analyzers.Taint;

/// <summary>
/// Types that cannot carry an injection: a value converted to a number, a Guid, a date, a bool or an enum is
/// clean whatever text it was parsed from.
/// </summary>
internal sealed class SanitizingTypes
{
    private readonly INamedTypeSymbol? _guid;
    private readonly INamedTypeSymbol? _dateTimeOffset;
    private readonly INamedTypeSymbol? _timeSpan;
    private readonly INamedTypeSymbol? _dateOnly;
    private readonly INamedTypeSymbol? _timeOnly;

    public SanitizingTypes(Compilation compilation)
    {
        _guid = compilation.GetTypeByMetadataName("System.Guid");
        _dateTimeOffset = compilation.GetTypeByMetadataName("System.DateTimeOffset");
        _timeSpan = compilation.GetTypeByMetadataName("System.TimeSpan");
        _dateOnly = compilation.GetTypeByMetadataName("System.DateOnly");
        _timeOnly = compilation.GetTypeByMetadataName("System.TimeOnly");
    }

    public bool Contains(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Void:
            case SpecialType.System_Boolean:
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Decimal:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_DateTime:
            case SpecialType.System_IntPtr:
            case SpecialType.System_UIntPtr:
                return true;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return true;
        }

        var definition = type.OriginalDefinition;
        return SymbolEqualityComparer.Default.Equals(definition, _guid)
            || SymbolEqualityComparer.Default.Equals(definition, _dateTimeOffset)
            || SymbolEqualityComparer.Default.Equals(definition, _timeSpan)
            || SymbolEqualityComparer.Default.Equals(definition, _dateOnly)
            || SymbolEqualityComparer.Default.Equals(definition, _timeOnly);
    }
}
