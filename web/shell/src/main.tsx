// An asynchronous boundary, so the federation runtime sets up the shared modules before React loads.
import('./bootstrap');
