import { mount } from 'svelte';
import Floor from './Floor.svelte';

mount(Floor, { target: document.getElementById('app')! });
