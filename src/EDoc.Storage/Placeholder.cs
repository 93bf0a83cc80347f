namespace EDoc.Storage; internal static class Placeholder {}
