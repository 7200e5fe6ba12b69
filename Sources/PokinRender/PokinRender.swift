// Rendering arrives with issue 9.
import PokinModel
