public enum ToolsPlaceholder {}
