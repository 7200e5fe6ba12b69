// The checker arrives with issue 8.
import PokinModel
