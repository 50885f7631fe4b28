import type { Vault } from '../platform/vault.js';
import type { CaseVault } from '../platform/case-vault.js';
import { LetterSettings } from './letter-settings.js';
import { LetterService } from './letters.js';
import { PackageService } from './package.js';
import { RegisterService } from './register.js';
import { SigningIdentityStore } from '../signing/signing-identity.js';
import { SigningService, type ConfirmPassword } from '../signing/signing.js';
import { SourcesService } from '../dossier/datasets/sources.js';

export interface LetterServices {
  letters: LetterService;
  signing: SigningService;
  identities: SigningIdentityStore;
  settings: LetterSettings;
  register: RegisterService;
  packages: PackageService;
  sources: SourcesService;
}

/** The letters backend, wired over one vault and its case files. */
export function createLetterServices(vault: Vault, caseVault: CaseVault, confirmPassword: ConfirmPassword): LetterServices {
  const register = new RegisterService(vault);
  const identities = new SigningIdentityStore(vault);
  const letters = new LetterService(vault, caseVault, register);
  const sources = new SourcesService(vault, caseVault, register);
  return {
    letters,
    signing: new SigningService(vault, caseVault, letters, identities, confirmPassword),
    identities,
    settings: new LetterSettings(vault),
    register,
    packages: new PackageService(vault, caseVault, register, sources),
    sources,
  };
}
