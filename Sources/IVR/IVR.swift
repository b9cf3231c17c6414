// IVR — menus and digit collection. (Being built.)
import Config
